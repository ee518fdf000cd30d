//! Time as the domain sees it: milliseconds since the Unix epoch (UTC), passed in
//! by the shell. Dates are printed for reasons like "formative B on 3 Mar 2026".

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

/// "3 Mar 2026", in UTC.
pub fn format_date(at: Millis) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (year, month, day) = civil_date(at.div_euclid(DAY_MS));
    let name = MONTHS.get(month as usize - 1).copied().unwrap_or("?");
    format!("{day} {name} {year}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_print_in_day_month_year_order() {
        assert_eq!(format_date(0), "1 Jan 1970");
        // 2026-03-03T10:00:00Z
        assert_eq!(format_date(1_772_532_000_000), "3 Mar 2026");
        // 2024-02-29, a leap day
        assert_eq!(format_date(1_709_164_800_000), "29 Feb 2024");
        assert_eq!(format_date(-DAY_MS), "31 Dec 1969");
    }
}
