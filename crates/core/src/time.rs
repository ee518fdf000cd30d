//! Time as the core sees it: milliseconds since the Unix epoch (UTC), passed in
//! by the shell. Dates are printed for reasons like "check B on 3 Mar 2026".

pub type Millis = i64;

pub const MINUTE_MS: Millis = 60_000;
pub const DAY_MS: Millis = 86_400_000;

/// (year, month 1–12, day 1–31) of a day count since 1970-01-01, by the standard
/// civil-calendar conversion for the proleptic Gregorian calendar.
pub fn civil_date(days_since_epoch: i64) -> (i64, u32, u32) {
    let z = days_since_epoch + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The day count since 1970-01-01 of a date written `YYYY-MM-DD`; None for
/// anything else, including dates that do not exist (`2026-02-30`).
pub fn days_from_date(date: &str) -> Option<i64> {
    let mut parts = date.trim().splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || !(0..=9999).contains(&year) {
        return None;
    }
    // The inverse of `civil_date`: years counted from March, in 400-year eras.
    let year_from_march = if month <= 2 { year - 1 } else { year };
    let era = year_from_march.div_euclid(400);
    let year_of_era = year_from_march - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    // A day past the end of its month lands in the next month: refuse it.
    (civil_date(days) == (year, month as u32, day as u32)).then_some(days)
}

/// "2026-03-02": a day given as days since 1970-01-01, as dates are written in files.
pub fn iso_date(days_since_epoch: i64) -> String {
    let (year, month, day) = civil_date(days_since_epoch);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_and_day_counts_convert_both_ways() {
        use super::{civil_date, days_from_date};
        assert_eq!(days_from_date("1970-01-01"), Some(0));
        assert_eq!(days_from_date("2026-01-01"), Some(20_454));
        assert_eq!(
            days_from_date("2024-02-29").map(civil_date),
            Some((2024, 2, 29))
        );
        for days in [-1000, 0, 59, 365, 11_016, 20_454, 60_000] {
            let (y, m, d) = civil_date(days);
            assert_eq!(days_from_date(&format!("{y:04}-{m:02}-{d:02}")), Some(days));
        }
        for bad in ["2026-02-30", "2026-13-01", "2026-00-10", "soon", "2026-1"] {
            assert_eq!(days_from_date(bad), None, "{bad}");
        }
    }
}
