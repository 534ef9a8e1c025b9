//! Content codings: which one a client prefers, and compressing a body into it.
//!
//! The negotiation runs on every request, cached hits included, so it reads the header in place
//! without allocating (actix's typed `AcceptEncoding` builds a set and a sorted list each time).

use actix_web::http::header::HeaderValue;
use actix_web::web::Bytes;
use std::io::Write;

/// The codings we serve, best first when a client rates them equally.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coding {
    Brotli,
    Gzip,
    Identity,
}

/// How hard to compress: once per cached page, or on the fly for a response that is not kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effort {
    /// Paid once per page and catalogue, so worth a better ratio.
    Stored,
    /// Paid on every uncached response, so fast.
    OnTheFly,
}

impl Coding {
    /// The `Content-Encoding` value, or `None` for identity.
    pub fn header(self) -> Option<HeaderValue> {
        match self {
            Coding::Brotli => Some(HeaderValue::from_static("br")),
            Coding::Gzip => Some(HeaderValue::from_static("gzip")),
            Coding::Identity => None,
        }
    }

    /// The suffix that keeps each representation's strong ETag distinct (RFC 9110 8.8.3).
    pub fn etag_suffix(self) -> &'static str {
        match self {
            Coding::Brotli => "-br",
            Coding::Gzip => "-gz",
            Coding::Identity => "",
        }
    }
}

/// The client's preferred coding among the ones we serve (RFC 9110 12.5.3): the highest q-value
/// wins, brotli before gzip on a tie, and identity when nothing else is acceptable or the header
/// is missing or unreadable.
pub fn preferred(accept_encoding: Option<&HeaderValue>) -> Coding {
    let Some(value) = accept_encoding.and_then(|v| v.to_str().ok()) else {
        return Coding::Identity;
    };
    let (mut br, mut gzip, mut any) = (None, None, None);
    for item in value.split(',') {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or_default().trim();
        let q = parts
            .find_map(|p| p.trim().strip_prefix("q=").or_else(|| p.trim().strip_prefix("Q=")))
            .map_or(1.0, |q| q.trim().parse::<f32>().unwrap_or(0.0));
        if name.eq_ignore_ascii_case("br") {
            br = Some(q);
        } else if name.eq_ignore_ascii_case("gzip") || name.eq_ignore_ascii_case("x-gzip") {
            gzip = Some(q);
        } else if name == "*" {
            any = Some(q);
        }
    }
    let br = br.or(any).unwrap_or(0.0);
    let gzip = gzip.or(any).unwrap_or(0.0);
    if br > 0.0 && br >= gzip {
        Coding::Brotli
    } else if gzip > 0.0 {
        Coding::Gzip
    } else {
        Coding::Identity
    }
}

/// True for content types worth compressing (text, markup, JSON, SVG, scripts).
pub fn is_compressible(content_type: Option<&HeaderValue>) -> bool {
    let Some(ct) = content_type.and_then(|v| v.to_str().ok()) else { return false };
    ct.starts_with("text/")
        || ct.starts_with("application/json")
        || ct.starts_with("application/xml")
        || ct.starts_with("application/atom+xml")
        || ct.starts_with("image/svg+xml")
}

/// Bodies smaller than this go out as they are: the coding's framing would eat the gain.
const WORTH_COMPRESSING: usize = 256;

/// `body` compressed with `coding`, or `None` when that would not make it smaller.
pub fn compress(coding: Coding, body: &[u8], effort: Effort) -> Option<Bytes> {
    if body.len() < WORTH_COMPRESSING {
        return None;
    }
    let out = match coding {
        Coding::Identity => return None,
        Coding::Brotli => {
            let quality = if effort == Effort::Stored { 9 } else { 4 };
            let mut w = brotli::CompressorWriter::new(Vec::with_capacity(body.len() / 4), 4096, quality, 22);
            w.write_all(body).ok()?;
            w.into_inner()
        }
        Coding::Gzip => {
            let level = if effort == Effort::Stored { 9 } else { 5 };
            let mut w =
                flate2::write::GzEncoder::new(Vec::with_capacity(body.len() / 3), flate2::Compression::new(level));
            w.write_all(body).ok()?;
            w.finish().ok()?
        }
    };
    (out.len() < body.len()).then(|| Bytes::from(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn pick(header: &str) -> Coding {
        preferred(Some(&HeaderValue::from_str(header).expect("header")))
    }

    #[test]
    fn brotli_wins_a_tie_and_q_values_decide_otherwise() {
        assert_eq!(pick("gzip, deflate, br"), Coding::Brotli);
        assert_eq!(pick("br;q=0.5, gzip"), Coding::Gzip);
        assert_eq!(pick("br;q=0, gzip;q=0"), Coding::Identity);
        assert_eq!(pick("*"), Coding::Brotli);
        assert_eq!(pick("deflate"), Coding::Identity);
        assert_eq!(preferred(None), Coding::Identity);
    }

    #[test]
    fn compressed_bodies_decode_to_the_original() {
        let body = "<p>the same paragraph again</p>".repeat(100);
        let gz = compress(Coding::Gzip, body.as_bytes(), Effort::Stored).expect("gzip is smaller");
        let mut out = String::new();
        flate2::read::GzDecoder::new(&gz[..]).read_to_string(&mut out).expect("gunzip");
        assert_eq!(out, body);
        let br = compress(Coding::Brotli, body.as_bytes(), Effort::OnTheFly).expect("brotli is smaller");
        let mut out = String::new();
        brotli::Decompressor::new(&br[..], 4096).read_to_string(&mut out).expect("unbrotli");
        assert_eq!(out, body);
    }

    #[test]
    fn tiny_bodies_are_left_alone() {
        assert!(compress(Coding::Brotli, b"short", Effort::Stored).is_none());
    }
}
