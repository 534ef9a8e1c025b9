//! `/data`: what anyone may reuse and how: the downloads, the licence of our own figures, the
//! upstream attributions, the JSON API and its problem types, with a schema.org `Dataset`
//! description for search engines. Also serves the downloads themselves.

pub mod downloads;
pub mod history;

use super::api::problem;
use super::http::render::{self, PageMeta};
use super::{State, WebError};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use downloads::{COLUMNS, Downloads, LICENCE, LICENCE_URL};
use serde_json::json;
use std::sync::Arc;

/// How long a client may reuse a download before revalidating it.
const DOWNLOAD_MAX_AGE: u32 = 3600;

/// An upstream data set the scores are built from, and the terms we use it under.
pub struct Upstream {
    pub name: &'static str,
    pub by: &'static str,
    pub url: &'static str,
    pub licence: &'static str,
    pub licence_url: &'static str,
    /// What we take from it.
    pub used_for: &'static str,
}

pub const UPSTREAM: [Upstream; 5] = [
    Upstream {
        name: "O*NET 30.1 Database",
        by: "U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)",
        url: "https://www.onetcenter.org/database.html",
        licence: "CC BY 4.0",
        licence_url: "https://creativecommons.org/licenses/by/4.0/",
        used_for: "occupations, their titles and descriptions, task statements, Job Zones, related occupations, work activities, interests, skills and work styles",
    },
    Upstream {
        name: "GPTs are GPTs: An Early Look at the Labor Market Impact Potential of Large Language Models",
        by: "Tyna Eloundou, Sam Manning, Pamela Mishkin and Daniel Rock (2023)",
        url: "https://arxiv.org/abs/2303.10130",
        licence: "MIT",
        licence_url: "https://opensource.org/license/mit",
        used_for: "the automation and exposure label of each task, which sets a data-derived task's score",
    },
    Upstream {
        name: "Working with AI: Measuring the Applicability of Generative AI to Occupations",
        by: "Kiran Tomlinson, Sonia Jaffe, Will Wang, Scott Counts and Siddharth Suri (2025)",
        url: "https://arxiv.org/abs/2507.07935",
        licence: "CC BY 4.0",
        licence_url: "https://creativecommons.org/licenses/by/4.0/",
        used_for: "the AI applicability score of each occupation",
    },
    Upstream {
        name: "Anthropic Economic Index (first release, February 2025)",
        by: "Kunal Handa, Alex Tamkin, Miles McCain et al., Anthropic",
        url: "https://www.anthropic.com/news/the-anthropic-economic-index",
        licence: "CC BY (version not stated in the release)",
        licence_url: "",
        used_for: "the share of Claude conversations that map to each task, shown beside the task",
    },
    Upstream {
        name: "Employment Projections 2024-34 and Occupational Employment and Wage Statistics",
        by: "U.S. Bureau of Labor Statistics",
        url: "https://www.bls.gov/emp/",
        licence: "Public domain (a work of the U.S. government)",
        licence_url: "https://www.usa.gov/government-copyright",
        used_for: "employment, pay, projected change, openings, and the factors BLS states for each occupation",
    },
];

/// templates/open_data.html
#[derive(Template)]
#[template(path = "open_data.html")]
pub struct OpenDataTemplate {
    pub meta: PageMeta,
    pub downloads: Arc<Downloads>,
    /// (name, meaning) of each download column.
    pub columns: &'static [(&'static str, &'static str)],
    /// (name, meaning) of each column of the history download.
    pub history_columns: &'static [(&'static str, &'static str)],
    pub upstream: &'static [Upstream],
    /// (anchor, status, title, explanation) of each API problem type.
    pub problems: Vec<(&'static str, u16, &'static str, &'static str)>,
    /// The schema.org Dataset, serialised and made safe to place inside a script element.
    pub json_ld: String,
    pub licence: &'static str,
    pub licence_url: &'static str,
}

/// JSON safe inside `<script>`: no `<`, `>` or `&` can end the element or open a comment.
pub fn script_safe_json(value: &serde_json::Value) -> String {
    value.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

/// The schema.org `Dataset` that describes the downloads.
fn dataset(site: &super::State, d: &Downloads) -> serde_json::Value {
    let base = &site.base_url;
    json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": "jobzone AI job-risk assessments",
        "description": format!(
            "One row per scored entry ({} editor-reviewed roles and {} data-derived occupations): the AI job-risk score, its zone, and every figure of the formula behind it, with the provenance of each entry.",
            d.roles, d.occupations
        ),
        "url": format!("{base}/data"),
        "license": LICENCE_URL,
        "isAccessibleForFree": true,
        "creator": { "@type": "Organization", "name": "jobzone", "url": format!("{base}/") },
        "dateModified": d.updated,
        "version": site.catalogue().version,
        "keywords": ["artificial intelligence", "labour market", "occupations", "automation", "O*NET"],
        "distribution": [
            { "@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": format!("{base}/data/assessments.csv") },
            { "@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": format!("{base}/data/assessments.json") },
            { "@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": format!("{base}/data/history.csv"), "name": "Score history" },
        ],
        "isBasedOn": UPSTREAM.iter().map(|u| {
            let mut work = json!({ "@type": "CreativeWork", "name": u.name, "url": u.url, "creditText": u.by });
            if !u.licence_url.is_empty() {
                work["license"] = json!(u.licence_url);
            }
            work
        }).collect::<Vec<_>>(),
        "variableMeasured": COLUMNS.iter().map(|(name, _)| *name).collect::<Vec<_>>(),
    })
}

pub async fn page(site: State) -> Result<HttpResponse, WebError> {
    let generation = site.generation();
    let d = downloads::of(&site, &generation.generated.downloads).await?;
    let meta = PageMeta::new(
        &site,
        "/data",
        "Open data: every score as CSV and JSON, and the API",
        "Download every jobzone score with all its figures and provenance (CSV, JSON), reuse it under CC BY 4.0, or query the JSON API.",
    );
    let problems =
        problem::Kind::ALL.iter().map(|k| (k.slug(), k.status().as_u16(), k.title(), k.explanation())).collect();
    let page = OpenDataTemplate {
        meta,
        json_ld: script_safe_json(&dataset(&site, &d)),
        downloads: d,
        columns: &COLUMNS,
        history_columns: &history::COLUMNS,
        upstream: &UPSTREAM,
        problems,
        licence: LICENCE,
        licence_url: LICENCE_URL,
    };
    render::page(&page)
}

pub async fn csv(req: HttpRequest, site: State) -> Result<HttpResponse, WebError> {
    let generation = site.generation();
    let d = downloads::of(&site, &generation.generated.downloads).await?;
    Ok(d.csv.respond(&req, "text/csv; charset=utf-8", DOWNLOAD_MAX_AGE))
}

pub async fn history_csv(req: HttpRequest, site: State) -> Result<HttpResponse, WebError> {
    let generation = site.generation();
    let d = downloads::of(&site, &generation.generated.downloads).await?;
    Ok(d.history_csv.respond(&req, "text/csv; charset=utf-8", DOWNLOAD_MAX_AGE))
}

pub async fn json(req: HttpRequest, site: State) -> Result<HttpResponse, WebError> {
    let generation = site.generation();
    let d = downloads::of(&site, &generation.generated.downloads).await?;
    Ok(d.json.respond(&req, "application/json", DOWNLOAD_MAX_AGE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_safe_json_cannot_close_the_script_and_still_parses() {
        let value = json!({ "name": "</script><!-- & more" });
        let safe = script_safe_json(&value);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back, value);
    }
}
