//! The guided `supple test` screen's model.
