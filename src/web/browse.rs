//! `/roles`: every scored entry, editor roles and data-derived occupations alike, filtered by
//! zone, provenance, major group, Job Zone, category and seniority, sorted and paginated. Filters
//! live in the query string, so each view is a link to share.

use super::http::render::{self, PageMeta};
use super::{State, WebError, with_catalogue};
use crate::catalogue::browse as queries;
use crate::catalogue::models::{Card, Facets, RoleFilter, RoleListing, RoleSort};
use crate::methodology::{Provenance, ZoneKey};
use actix_web::{HttpResponse, web};
use askama::Template;
use std::collections::BTreeMap;

pub const PER_PAGE: usize = 50;

/// A link in the pager or a filter chip.
pub struct Link {
    pub label: String,
    pub href: String,
    pub current: bool,
}

/// templates/roles.html
#[derive(Template)]
#[template(path = "roles.html")]
pub struct RolesTemplate {
    pub meta: PageMeta,
    pub m: std::sync::Arc<crate::methodology::Methodology>,
    pub filter: RoleFilter,
    pub facets: Facets,
    pub listing: RoleListing,
    /// Parameters we did not understand and ignored, said back to the reader.
    pub ignored: Vec<String>,
    pub zone_links: Vec<(Link, usize)>,
    pub pages: Vec<Link>,
    pub last_page: usize,
    pub first_shown: usize,
}

impl RolesTemplate {
    fn is(&self, current: &Option<String>, value: &str) -> bool {
        current.as_deref() == Some(value)
    }

    /// "RED" or "GREEN (Transforming)": a card's zone as every badge names it.
    fn tag(&self, c: &Card) -> String {
        super::assessment::zone_tag(&self.m, c.zone, c.sub_label.as_deref())
    }

    fn zone_is(&self, z: &ZoneKey) -> bool {
        self.filter.zone == Some(*z)
    }

    fn provenance_is(&self, p: &Provenance) -> bool {
        self.filter.provenance == Some(*p)
    }

    fn job_zone_is(&self, jz: &u8) -> bool {
        self.filter.job_zone == Some(*jz)
    }
}

/// The browse page's query string as it arrives: every parameter the page knows, as typed, and
/// any other, to be said back to the reader as ignored.
#[derive(Debug, Default, serde::Deserialize)]
pub struct BrowseQuery {
    zone: Option<String>,
    provenance: Option<String>,
    group: Option<String>,
    job_zone: Option<String>,
    category: Option<String>,
    seniority: Option<String>,
    sort: Option<String>,
    page: Option<String>,
    #[serde(flatten)]
    other: BTreeMap<String, String>,
}

/// Reads the query leniently: known values are kept, anything else is reported and dropped
/// (in the order of the parameters' names).
pub fn parse_filter(query: &BrowseQuery, facets: &Facets) -> (RoleFilter, Vec<String>) {
    let mut f = RoleFilter { page: 1, per_page: PER_PAGE, ..RoleFilter::default() };
    let mut ignored: Vec<(&str, String)> = Vec::new();
    let mut take = |key: &'static str, value: &Option<String>, apply: &mut dyn FnMut(&str) -> bool| {
        let Some(value) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) else { return };
        if !apply(value) {
            ignored.push((key, format!("{key}={}", value.chars().take(60).collect::<String>())));
        }
    };
    let pick = |options: &[String], value: &str| options.iter().find(|o| o.eq_ignore_ascii_case(value)).cloned();
    take("zone", &query.zone, &mut |v| ZoneKey::parse(v).map(|z| f.zone = Some(z)).is_some());
    take("provenance", &query.provenance, &mut |v| Provenance::parse(v).map(|p| f.provenance = Some(p)).is_some());
    take("job_zone", &query.job_zone, &mut |v| {
        v.parse::<u8>().ok().filter(|z| facets.job_zones.contains(z)).map(|z| f.job_zone = Some(z)).is_some()
    });
    take("category", &query.category, &mut |v| pick(&facets.categories, v).map(|c| f.category = Some(c)).is_some());
    take("seniority", &query.seniority, &mut |v| pick(&facets.seniorities, v).map(|s| f.seniority = Some(s)).is_some());
    take("group", &query.group, &mut |v| {
        let codes: Vec<String> = facets.groups.iter().map(|g| g.0.clone()).collect();
        pick(&codes, v).map(|g| f.group = Some(g)).is_some()
    });
    take("sort", &query.sort, &mut |v| RoleSort::parse(v).map(|s| f.sort = s).is_some());
    take("page", &query.page, &mut |v| {
        v.parse::<usize>().ok().filter(|&p| (1..=100_000).contains(&p)).map(|p| f.page = p).is_some()
    });
    let mut ignored: Vec<(&str, String)> = ignored;
    for (key, value) in &query.other {
        let value = value.trim();
        if !value.is_empty() {
            ignored.push((key, format!("{key}={}", value.chars().take(60).collect::<String>())));
        }
    }
    ignored.sort_by(|a, b| a.0.cmp(b.0));
    (f, ignored.into_iter().map(|(_, shown)| shown).collect())
}

/// The query string for `f`, with defaults left out so links stay short and canonical.
pub fn query_string(f: &RoleFilter) -> String {
    let mut parts = Vec::new();
    let mut push = |k: &str, v: &Option<String>| {
        if let Some(v) = v {
            parts.push(format!("{k}={}", super::encode_query_value(v)));
        }
    };
    push("zone", &f.zone.map(|z| z.as_str().to_string()));
    push("provenance", &f.provenance.map(|p| p.as_str().to_string()));
    push("job_zone", &f.job_zone.map(|z| z.to_string()));
    push("category", &f.category);
    push("seniority", &f.seniority);
    push("group", &f.group);
    if f.sort != RoleSort::default() {
        parts.push(format!("sort={}", f.sort.key()));
    }
    if f.page > 1 {
        parts.push(format!("page={}", f.page));
    }
    if parts.is_empty() { "/roles".into() } else { format!("/roles?{}", parts.join("&")) }
}

/// Page numbers to link: the first, the last, and three either side of the current one,
/// with "Previous" and "Next".
fn pager(current: usize, last: usize) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    if current > 1 {
        out.push((current - 1, "Previous".to_string()));
    }
    let window = current.saturating_sub(3).max(1)..=(current + 3).min(last);
    let mut numbers: Vec<usize> = window.collect();
    numbers.insert(0, 1);
    numbers.push(last);
    numbers.dedup();
    numbers.sort_unstable();
    numbers.dedup();
    out.extend(numbers.into_iter().map(|p| (p, p.to_string())));
    if current < last {
        out.push((current + 1, "Next".to_string()));
    }
    out
}

pub async fn roles(site: State, query: web::Query<BrowseQuery>) -> Result<HttpResponse, WebError> {
    let m = site.catalogue().methodology.clone();
    let query = query.into_inner();
    let facets = site.catalogue().facets.clone();
    let (filter, ignored) = parse_filter(&query, &facets);
    let f = filter.clone();
    let listing = with_catalogue(&site, move |c| queries::browse(&c.conn(), &f)).await?;

    let last_page = listing.total.div_ceil(PER_PAGE).max(1);
    if filter.page > last_page {
        // An empty page past the end is not a page: crawlers must not index it.
        return Err(WebError::NotFound);
    }
    let pages = pager(filter.page, last_page)
        .into_iter()
        .map(|(p, label)| Link {
            label,
            href: query_string(&RoleFilter { page: p, ..filter.clone() }),
            current: p == filter.page,
        })
        .collect();
    let all_zones: usize = listing.zone_counts.iter().map(|z| z.1).sum();
    let mut zone_links = vec![(
        Link {
            label: "All zones".into(),
            href: query_string(&RoleFilter { zone: None, page: 1, ..filter.clone() }),
            current: filter.zone.is_none(),
        },
        all_zones,
    )];
    for z in &m.zones {
        let count = listing.zone_counts.iter().find(|c| c.0 == z.key).map_or(0, |c| c.1);
        let href = query_string(&RoleFilter { zone: Some(z.key), page: 1, ..filter.clone() });
        zone_links.push((Link { label: z.name.clone(), href, current: filter.zone == Some(z.key) }, count));
    }
    let meta = PageMeta::new(
        &site,
        &query_string(&filter),
        "Browse every score by AI risk",
        format!(
            "{} roles and occupations scored for AI job risk. Filter by zone, provenance, occupation group and Job Zone; sort by score or title.",
            listing.total
        ),
    );
    let first_shown = (filter.page - 1) * PER_PAGE + 1;
    render::page(&RolesTemplate {
        meta,
        m,
        filter,
        facets,
        listing,
        ignored,
        zone_links,
        pages,
        last_page,
        first_shown,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facets() -> Facets {
        Facets {
            categories: vec!["Software Development".into()],
            seniorities: vec!["Junior".into(), "Senior".into()],
            groups: vec![("15".into(), "Computer and Mathematical".into())],
            job_zones: vec![2, 4],
        }
    }

    fn query(q: &str) -> BrowseQuery {
        web::Query::<BrowseQuery>::from_query(q).expect("a query string").into_inner()
    }

    #[test]
    fn known_values_are_kept_and_unknown_ones_reported() {
        let q = query("zone=GREEN&sort=title&page=2&colour=blue&seniority=Wizard");
        let (f, ignored) = parse_filter(&q, &facets());
        assert_eq!(f.zone, Some(ZoneKey::Green));
        assert_eq!((f.sort, f.page), (RoleSort::Title, 2));
        assert_eq!(ignored, ["colour=blue", "seniority=Wizard"]);
    }

    #[test]
    fn provenance_and_job_zone_filters_take_known_values_only() {
        let q = query("provenance=DATA&job_zone=4&group=15");
        let (f, ignored) = parse_filter(&q, &facets());
        assert_eq!((f.provenance, f.job_zone, f.group.as_deref()), (Some(Provenance::Data), Some(4), Some("15")));
        assert!(ignored.is_empty());
        let q = query("provenance=robot&job_zone=3");
        let (f, ignored) = parse_filter(&q, &facets());
        assert_eq!((f.provenance, f.job_zone), (None, None));
        assert_eq!(ignored, ["job_zone=3", "provenance=robot"]);
        assert_eq!(
            query_string(&RoleFilter {
                provenance: Some(Provenance::Editor),
                job_zone: Some(4),
                page: 1,
                ..RoleFilter::default()
            }),
            "/roles?provenance=editor&job_zone=4"
        );
    }

    #[test]
    fn garbage_pages_are_ignored() {
        for bad in ["0", "-1", "1e999", "99999999999999999999", "abc"] {
            let q = query(&format!("page={bad}"));
            let (f, ignored) = parse_filter(&q, &facets());
            assert_eq!((f.page, ignored.len()), (1, 1), "{bad}");
        }
    }

    #[test]
    fn the_pager_shows_a_window_around_the_current_page() {
        let labels = |c, l| pager(c, l).into_iter().map(|(_, s)| s).collect::<Vec<_>>().join(" ");
        assert_eq!(labels(1, 1), "1");
        assert_eq!(labels(1, 200), "1 2 3 4 200 Next");
        assert_eq!(labels(50, 200), "Previous 1 47 48 49 50 51 52 53 200 Next");
        assert_eq!(labels(200, 200), "Previous 1 197 198 199 200");
    }

    #[test]
    fn query_strings_leave_defaults_out_and_encode_values() {
        let f = RoleFilter {
            category: Some("R&D / Ops".into()),
            sort: RoleSort::ScoreAsc,
            page: 1,
            per_page: 50,
            ..RoleFilter::default()
        };
        assert_eq!(query_string(&f), "/roles?category=R%26D%20%2F%20Ops&sort=score-asc");
        assert_eq!(query_string(&RoleFilter::default()), "/roles");
    }
}
