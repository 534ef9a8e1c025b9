//! Calendar dates in content (revision dates): TOML date-only values, checked to be real days.

/// A TOML date-only value as YYYY-MM-DD, or why it is not a real calendar date.
pub(crate) fn iso_date(d: &toml::value::Datetime) -> Result<String, &'static str> {
    let (Some(date), None, None) = (d.date, d.time, d.offset) else {
        return Err("must be a date without a time");
    };
    let leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
    let days = match date.month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err("has no such month"),
    };
    if date.day == 0 || date.day > days {
        return Err("has no such day in that month");
    }
    Ok(format!("{:04}-{:02}-{:02}", date.year, date.month, date.day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_dates_are_checked() {
        let date = |s: &str| iso_date(&s.parse().expect("toml datetime"));
        assert_eq!(date("2026-03-02"), Ok("2026-03-02".to_string()));
        assert_eq!(date("2024-02-29"), Ok("2024-02-29".to_string()));
        assert!(date("2026-03-02T10:00:00").is_err());
        // The TOML parser itself refuses impossible days, with a span we turn into a line.
        assert!("2026-02-29".parse::<toml::value::Datetime>().is_err());
    }
}
