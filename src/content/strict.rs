//! Deserializers for the places where a file must hold an object and nothing else.
//!
//! serde's derived structs also accept a JSON array and read it by position, so
//! `"defaults": [20, 2]` would silently mean `seconds: 20, reps: 2`, against the schema and
//! the promise that a typo never goes unnoticed. These functions ask the parser for a map
//! only: an array there is an "invalid type" error at its place, with the field path.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::limits;

const AN_OBJECT: &str = "an object in braces: { \"name\": value, ... }";

struct ObjectVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(AN_OBJECT)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map))
    }
}

/// A struct that must be written as an object (for `#[serde(deserialize_with)]`).
pub fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<T, D::Error> {
    d.deserialize_map(ObjectVisitor(PhantomData))
}

struct ObjectSeed<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for ObjectSeed<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        object(d)
    }
}

struct ObjectsVisitor<T> {
    max: usize,
    what: &'static str,
    item: PhantomData<T>,
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectsVisitor<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a list of {}, each {AN_OBJECT}", self.what)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(ObjectSeed(PhantomData))? {
            if items.len() == self.max {
                // Stop here: a huge file costs no more than the limit.
                return Err(de::Error::custom(too_many(self.max, self.what)));
            }
            items.push(item);
        }
        Ok(items)
    }
}

/// What a list longer than its limit is told: "more than 100 steps: at most 100 are allowed"
/// (the routine builder says the same when a step more would pass the limit).
pub fn too_many(max: usize, what: &str) -> String {
    format!("more than {max} {what}: at most {max} are allowed")
}

fn objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
    max: usize,
    what: &'static str,
) -> Result<Vec<T>, D::Error> {
    d.deserialize_seq(ObjectsVisitor {
        max,
        what,
        item: PhantomData,
    })
}

/// A routine's steps: a list of objects, at most [`limits::STEPS`] of them.
pub fn steps<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    objects(d, limits::STEPS, "steps")
}

/// A list of objects of any length (history's sessions and their exercises; the file's size
/// limit bounds it).
pub fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    objects(d, usize::MAX, "entries")
}
