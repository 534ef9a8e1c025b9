//! Custom askama filters. Askama passes a value or a reference to it, so each filter takes
//! anything that reads as a number.

use std::convert::Infallible;

pub trait AsNumber {
    fn number(&self) -> f64;
}

impl AsNumber for i64 {
    fn number(&self) -> f64 {
        *self as f64
    }
}

impl AsNumber for u32 {
    fn number(&self) -> f64 {
        f64::from(*self)
    }
}

impl AsNumber for u64 {
    fn number(&self) -> f64 {
        *self as f64
    }
}

impl AsNumber for f64 {
    fn number(&self) -> f64 {
        *self
    }
}

impl<T: AsNumber + ?Sized> AsNumber for &T {
    fn number(&self) -> f64 {
        (**self).number()
    }
}

/// A whole number with its sign: "+1", "0", "-1".
pub fn signed<N: AsNumber>(n: N, _: &dyn askama::Values) -> Result<String, Infallible> {
    let v = n.number().round() as i64;
    Ok(if v > 0 { format!("+{v}") } else { v.to_string() })
}

/// One decimal with its sign: "+30.5", "-8.0", "0.0".
pub fn signed1<N: AsNumber>(n: N, _: &dyn askama::Values) -> Result<String, Infallible> {
    let v = (n.number() * 10.0).round() / 10.0;
    Ok(if v > 0.0 {
        format!("+{v:.1}")
    } else if v == 0.0 {
        "0.0".into()
    } else {
        format!("{v:.1}")
    })
}

/// A percentage without a needless ".0": 30.0 -> "30", 33.33 -> "33.3".
pub fn pct<N: AsNumber>(n: N, _: &dyn askama::Values) -> Result<String, Infallible> {
    Ok(crate::methodology::engine::percent(n.number()))
}

/// A whole number with thousands separators: "1,234,567".
pub fn thousands<N: AsNumber>(n: N, _: &dyn askama::Values) -> Result<String, Infallible> {
    let v = n.number().round() as i64;
    let digits = v.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    Ok(if v < 0 { format!("-{out}") } else { out })
}

/// A minus sign a typographer would use, for display only.
pub fn minus<S: std::fmt::Display>(s: S, _: &dyn askama::Values) -> Result<String, Infallible> {
    Ok(s.to_string().replace('-', "\u{2212}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NO_VALUES: &dyn askama::Values = &();

    // Askama passes some values by reference, so the filters are tested with both.
    #[test]
    #[allow(clippy::needless_borrows_for_generic_args)]
    fn signed_shows_plus_for_positive_and_nothing_for_zero() {
        assert_eq!(signed(2i64, NO_VALUES).unwrap(), "+2");
        assert_eq!(signed(&0i64, NO_VALUES).unwrap(), "0");
        assert_eq!(signed(-1i64, NO_VALUES).unwrap(), "-1");
    }

    #[test]
    #[allow(clippy::needless_borrows_for_generic_args)]
    fn signed1_rounds_to_one_decimal() {
        assert_eq!(signed1(30.5, NO_VALUES).unwrap(), "+30.5");
        assert_eq!(signed1(&-8.0, NO_VALUES).unwrap(), "-8.0");
        assert_eq!(signed1(0.04, NO_VALUES).unwrap(), "0.0");
        assert_eq!(signed1(2.2222, NO_VALUES).unwrap(), "+2.2");
    }

    #[test]
    #[allow(clippy::needless_borrows_for_generic_args)]
    fn pct_drops_a_needless_decimal() {
        assert_eq!(pct(30.0, NO_VALUES).unwrap(), "30");
        assert_eq!(pct(&(100.0 / 3.0), NO_VALUES).unwrap(), "33.3");
    }

    #[test]
    #[allow(clippy::needless_borrows_for_generic_args)]
    fn thousands_groups_digits_in_threes() {
        assert_eq!(thousands(3_462_020u64, NO_VALUES).unwrap(), "3,462,020");
        assert_eq!(thousands(&999u64, NO_VALUES).unwrap(), "999");
        assert_eq!(thousands(-1000i64, NO_VALUES).unwrap(), "-1,000");
    }

    #[test]
    fn minus_uses_the_typographic_minus_sign() {
        assert_eq!(minus("-4", NO_VALUES).unwrap(), "\u{2212}4");
    }
}
