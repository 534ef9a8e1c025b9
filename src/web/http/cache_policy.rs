//! The one place that decides `Cache-Control`, and which responses the page cache may keep.

use actix_web::http::header::HeaderValue;

/// How long browsers and shared caches may keep a response, and whether our page cache keeps it.
/// Every response's `Cache-Control` comes from here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CachePolicy {
    /// A page rendered from the catalogue: reused for five minutes, then revalidated by ETag.
    Page,
    /// Atom feeds and the sitemap: readers poll them, an hour is fresh enough.
    Feed,
    /// The JSON API: like a page.
    Api,
    /// A static asset asked for with its version token: never changes, keep it a year.
    VersionedAsset,
    /// A static asset without its token: an hour, since the bytes may change with a release.
    Asset,
    /// Redirects, errors and forms with a problem: always ask again.
    Revalidate,
}

impl CachePolicy {
    pub fn header_value(self) -> HeaderValue {
        HeaderValue::from_static(match self {
            CachePolicy::Page | CachePolicy::Api => "public, max-age=300",
            CachePolicy::Feed | CachePolicy::Asset => "public, max-age=3600",
            CachePolicy::VersionedAsset => "public, max-age=31536000, immutable",
            CachePolicy::Revalidate => "no-cache",
        })
    }

    /// True for what the page cache keeps: successful pages, feeds and API answers, which are a
    /// pure function of the catalogue, the route and the query.
    pub fn kept_in_page_cache(self) -> bool {
        matches!(self, CachePolicy::Page | CachePolicy::Feed | CachePolicy::Api)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_catalogue_derived_responses_are_kept_and_errors_always_revalidate() {
        assert!(CachePolicy::Page.kept_in_page_cache());
        assert!(!CachePolicy::Revalidate.kept_in_page_cache());
        assert!(!CachePolicy::VersionedAsset.kept_in_page_cache());
        assert_eq!(CachePolicy::Revalidate.header_value(), "no-cache");
        assert!(CachePolicy::VersionedAsset.header_value().to_str().unwrap_or_default().contains("immutable"));
    }
}
