//! Which email addresses we accept. Deliberately stricter than RFC 5321 allows: no quoted local
//! parts, comments or IP literals, nothing that could smuggle a second recipient or a header.

/// The address in the form we store (trimmed, lower case), or what is wrong with it, in the
/// reader's words.
pub fn parse(input: &str) -> Result<String, &'static str> {
    let address = input.trim();
    if address.is_empty() {
        return Err("Enter your email address.");
    }
    if address.len() > 254 {
        return Err("That address is too long to be an email address.");
    }
    if address.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err("An email address has no spaces or line breaks.");
    }
    let Some((local, domain)) = address.rsplit_once('@') else {
        return Err("An email address needs an @, as in name@example.com.");
    };
    if local.is_empty() || local.len() > 64 {
        return Err("The part before the @ must be 1 to 64 characters.");
    }
    let local_ok = local.chars().all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..");
    if !local_ok {
        return Err("The part before the @ has characters an email address cannot use.");
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        })
        && labels.last().is_some_and(|tld| tld.chars().any(|c| c.is_ascii_alphabetic()));
    if !domain_ok {
        return Err("The part after the @ must be a domain name, as in example.com.");
    }
    let address = address.to_ascii_lowercase();
    // The mail library must agree, or sending would fail later.
    if address.parse::<lettre::Address>().is_err() {
        return Err("That is not an email address we can send to.");
    }
    Ok(address)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn ordinary_addresses_are_accepted_in_lower_case() {
        assert_eq!(parse("  Ada.Lovelace+jobs@Example.co.uk "), Ok("ada.lovelace+jobs@example.co.uk".to_string()));
    }

    #[test]
    fn hostile_or_broken_addresses_are_refused() {
        for bad in [
            "",
            "no-at-sign",
            "a@b",
            "a@localhost",
            "a@@example.com",
            "a b@example.com",
            "a@example.com\r\nBcc: victim@example.com",
            "\"quoted\"@example.com",
            "<a@example.com>",
            "a@example.com, b@example.com",
            "a@[127.0.0.1]",
            "a@-example.com",
            ".a@example.com",
            "a..b@example.com",
            "a@example.123",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} was accepted");
        }
        assert!(parse(&format!("{}@example.com", "a".repeat(65))).is_err());
    }
}
