//! The place in the address: every screen of the student's page has a hash route,
//! so the browser's Back and Forward move between screens, a reload keeps the
//! screen, and a teacher can link a student to a unit:
//!
//! | screen | route |
//! |---|---|
//! | start (who is learning?) | `#/` |
//! | course map | `#/course/<course>` |
//! | unit | `#/course/<course>/unit/<unit>` |
//! | the sitting under way | `#/course/<course>/sitting` |
//! | a sitting's results | `#/course/<course>/results/<sitting>` |
//!
//! Hash routes need no rewrite rules on the host. Ids are percent-encoded beyond
//! letters, digits and `-._~`, so any id the curriculum format allows makes a route
//! that reads back the same. What a route asks for is only a wish: [`Route::place`]
//! gives the screen the student's workbook can show for it.

use crate::content::curriculum::Course;
use crate::device::workbook::{Place, Workbook};

/// A screen, as the address names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The start screen: nobody is signed in.
    Start,
    /// A screen of one course.
    Course { course: String, place: Place },
}

impl Route {
    /// The address of this screen, starting with `#`.
    pub fn to_hash(&self) -> String {
        let Route::Course { course, place } = self else {
            return "#/".to_string();
        };
        let mut hash = format!("#/course/{}", encode(course));
        match place {
            Place::CourseMap => {}
            Place::Unit { unit } => {
                hash.push_str("/unit/");
                hash.push_str(&encode(unit));
            }
            Place::Sitting => hash.push_str("/sitting"),
            Place::Results { sitting } => {
                hash.push_str("/results/");
                hash.push_str(&encode(sitting));
            }
        }
        hash
    }

    /// Reads an address's hash (with or without its `#`). An empty hash is the start
    /// screen; anything that is not one of the routes above is `None`.
    pub fn from_hash(hash: &str) -> Option<Route> {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        if path.is_empty() || path == "/" {
            return Some(Route::Start);
        }
        let mut parts = path.strip_prefix("/course/")?.split('/');
        let course = decode(parts.next()?)?;
        let place = match (parts.next(), parts.next()) {
            (None, _) => Place::CourseMap,
            (Some("unit"), Some(unit)) => Place::Unit {
                unit: decode(unit)?,
            },
            (Some("sitting"), None) => Place::Sitting,
            (Some("results"), Some(sitting)) => Place::Results {
                sitting: decode(sitting)?,
            },
            _ => return None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(Route::Course { course, place })
    }

    /// The route of what a workbook shows now.
    pub fn of(workbook: &Workbook) -> Route {
        match &workbook.course {
            Some(course) => Route::Course {
                course: course.clone(),
                place: workbook.place.clone(),
            },
            None => Route::Start,
        }
    }

    /// The screen of `course` that `workbook` can show for this route: a unit of
    /// another course, a sitting that is no longer under way, or results of a
    /// sitting with no answers in the log show the course map instead.
    pub fn place(&self, course: &Course, workbook: &Workbook) -> Place {
        let Route::Course { place, .. } = self else {
            return Place::CourseMap;
        };
        let shown = match place {
            Place::CourseMap => true,
            Place::Unit { unit } => course.units.iter().any(|known| &known.id == unit),
            Place::Sitting => workbook.sitting.is_some(),
            Place::Results { sitting } => !workbook.sitting_attempts(sitting).is_empty(),
        };
        if shown {
            place.clone()
        } else {
            Place::CourseMap
        }
    }
}

/// Letters, digits and `-._~` as they are; every other byte as `%XX`.
fn encode(id: &str) -> String {
    let mut encoded = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push('%');
            encoded.push(char::from(HEX[usize::from(byte >> 4)]));
            encoded.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
    encoded
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// The id a part of a route stands for; `None` for an empty part, a broken `%`
/// escape or bytes that are not UTF-8.
fn decode(part: &str) -> Option<String> {
    if part.is_empty() {
        return None;
    }
    let bytes = part.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'%' {
            let hex = bytes.get(at + 1..at + 3)?;
            let digit = |byte: u8| char::from(byte).to_digit(16);
            let value = digit(hex[0])? * 16 + digit(hex[1])?;
            decoded.push(u8::try_from(value).ok()?);
            at += 3;
        } else {
            decoded.push(bytes[at]);
            at += 1;
        }
    }
    String::from_utf8(decoded).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn course_route(place: Place) -> Route {
        Route::Course {
            course: "g4-fractions".into(),
            place,
        }
    }

    #[test]
    fn every_screen_has_a_route_that_reads_back_the_same() {
        let routes = [
            (Route::Start, "#/"),
            (course_route(Place::CourseMap), "#/course/g4-fractions"),
            (
                course_route(Place::Unit {
                    unit: "g4-eqv".into(),
                }),
                "#/course/g4-fractions/unit/g4-eqv",
            ),
            (
                course_route(Place::Sitting),
                "#/course/g4-fractions/sitting",
            ),
            (
                course_route(Place::Results {
                    sitting: "s-17".into(),
                }),
                "#/course/g4-fractions/results/s-17",
            ),
        ];
        for (route, hash) in routes {
            assert_eq!(route.to_hash(), hash);
            assert_eq!(Route::from_hash(hash), Some(route.clone()), "{hash}");
            assert_eq!(
                Route::from_hash(&hash[1..]),
                Some(route),
                "{hash} without #"
            );
        }
        assert_eq!(Route::from_hash(""), Some(Route::Start));
        assert_eq!(Route::from_hash("#"), Some(Route::Start));
    }

    #[test]
    fn ids_of_any_characters_are_escaped_and_read_back() {
        let route = Route::Course {
            course: "Bruchrechnen / Stufe 4".into(),
            place: Place::Unit {
                unit: "é#%?".into(),
            },
        };
        let hash = route.to_hash();
        assert_eq!(
            hash,
            "#/course/Bruchrechnen%20%2F%20Stufe%204/unit/%C3%A9%23%25%3F"
        );
        assert_eq!(Route::from_hash(&hash), Some(route));
    }

    #[test]
    fn a_route_shows_only_what_the_workbook_can_show() {
        use crate::content::curriculum::load_curriculum;
        use crate::format::progress::{CurriculumRef, Learner};
        let curriculum = load_curriculum(include_str!(
            "../../tests/fixtures/curricula/good/minimal.json"
        ))
        .map(|loaded| loaded.curriculum)
        .unwrap_or_else(|errors| panic!("{errors:?}"));
        let course = &curriculum.courses[0];
        let unit = course.units[0].id.clone();
        let workbook = Workbook::new(
            Learner {
                id: "l-1".into(),
                nickname: "Sam".into(),
            },
            CurriculumRef {
                id: curriculum.id.clone(),
                hash: curriculum.content_hash(),
            },
        );
        let shown = |place: Place| course_route(place).place(course, &workbook);
        assert_eq!(shown(Place::CourseMap), Place::CourseMap);
        assert_eq!(
            shown(Place::Unit { unit: unit.clone() }),
            Place::Unit { unit }
        );
        // No such unit in this course, no sitting under way, no answers of that sitting.
        for place in [
            Place::Unit {
                unit: "not-a-unit".into(),
            },
            Place::Sitting,
            Place::Results {
                sitting: "s-1".into(),
            },
        ] {
            assert_eq!(shown(place), Place::CourseMap);
        }
        assert_eq!(Route::Start.place(course, &workbook), Place::CourseMap);
        assert_eq!(Route::of(&workbook), Route::Start, "no course chosen yet");
    }

    #[test]
    fn an_address_that_is_no_route_is_refused() {
        for hash in [
            "#/course",
            "#/course/",
            "#/course/c/",
            "#/course/c/unit",
            "#/course/c/unit/",
            "#/course/c/unit/u/extra",
            "#/course/c/sitting/s",
            "#/course/c/results",
            "#/course/c/lesson/u",
            "#/course/%zz",
            "#/course/%4",
            "#/course/%FF",
            "#top",
            "#/learners",
        ] {
            assert_eq!(Route::from_hash(hash), None, "{hash}");
        }
    }
}
