//! The text figures of each pose, from assets/art/, compiled into the binary.

/// The figure for an exercise id, if there is one.
pub fn figure(exercise_id: &str) -> Option<&'static str> {
    Some(match exercise_id {
        "march-in-place" => include_str!("../../assets/art/march-in-place.txt"),
        "step-jacks" => include_str!("../../assets/art/step-jacks.txt"),
        "jumping-jacks" => include_str!("../../assets/art/jumping-jacks.txt"),
        "jog-in-place" => include_str!("../../assets/art/jog-in-place.txt"),
        "leg-lunges" => include_str!("../../assets/art/leg-lunges.txt"),
        "knee-raises" => include_str!("../../assets/art/knee-raises.txt"),
        "leg-swings" => include_str!("../../assets/art/leg-swings.txt"),
        "anchor-stretch" => include_str!("../../assets/art/anchor-stretch.txt"),
        "seated-stretch" => include_str!("../../assets/art/seated-stretch.txt"),
        "seated-bent-knee" => include_str!("../../assets/art/seated-bent-knee.txt"),
        "lying-stretch" => include_str!("../../assets/art/lying-stretch.txt"),
        "assisted-stretch" => include_str!("../../assets/art/assisted-stretch.txt"),
        // The flexibility tests (`supple test`).
        "test-aket" => include_str!("../../assets/art/test-aket.txt"),
        "test-slr" => include_str!("../../assets/art/test-slr.txt"),
        "test-sit-reach" => include_str!("../../assets/art/test-sit-reach.txt"),
        "test-sit-reach-one" => include_str!("../../assets/art/test-sit-reach-one.txt"),
        _ => return None,
    })
}

/// Width and height of a figure in cells.
pub fn size(figure: &str) -> (u16, u16) {
    let width = figure.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    let height = figure.lines().count();
    (
        u16::try_from(width).unwrap_or(u16::MAX),
        u16::try_from(height).unwrap_or(u16::MAX),
    )
}
