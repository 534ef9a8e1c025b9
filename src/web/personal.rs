//! `/roles/{slug}/personal`: the reader's own score from their own task mix. The state lives
//! in the query string, so a result is a link that reproduces it. Bad input is explained next
//! to its field; the page itself always renders.

use super::render::{self, PageMeta};
use super::{State, WebError, filters, with_catalogue};
use crate::catalogue::models::RolePage;
use crate::catalogue::read;
use crate::content::validate_slug;
use crate::methodology::{Inputs, Methodology, Scorecard, TaskInput, score};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use std::collections::HashMap;

/// Longest custom task name we accept.
const MAX_NAME: usize = 80;

/// One task row of the form: what the reader typed, and what is wrong with it.
pub struct TaskField {
    pub index: usize,
    pub name: String,
    pub role_share: u32,
    pub role_score: i64,
    pub share: String,
    pub score: String,
    pub share_error: Option<String>,
    pub score_error: Option<String>,
}

/// The reader's own extra task.
#[derive(Default)]
pub struct CustomField {
    pub name: String,
    pub share: String,
    pub score: String,
    pub name_error: Option<String>,
    pub share_error: Option<String>,
    pub score_error: Option<String>,
}

/// templates/personal.html
#[derive(Template)]
#[template(path = "personal.html")]
pub struct PersonalTemplate {
    pub meta: PageMeta,
    pub r: RolePage,
    pub m: std::sync::Arc<Methodology>,
    pub tasks: Vec<TaskField>,
    pub custom: CustomField,
    /// Sum of the shares typed, when they are all numbers.
    pub total_share: Option<i64>,
    pub total_error: Option<String>,
    /// The personal scorecard, when the input is valid.
    pub card: Option<Scorecard>,
    pub zone_rule: String,
    pub formula_zone_name: String,
    /// personal score - role score.
    pub difference: f64,
    /// The address of this result.
    pub share_url: String,
}

/// Parses a whole number in `min..=max`, or says what to type instead.
fn whole(text: &str, min: i64, max: i64, what: &str) -> Result<i64, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(format!("Enter {what}."));
    }
    match t.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        Ok(n) => Err(format!("{n} is out of range: enter a whole number from {min} to {max}.")),
        Err(_) => Err(format!(
            "\u{201c}{}\u{201d} is not a whole number: enter one from {min} to {max}.",
            t.chars().take(20).collect::<String>()
        )),
    }
}

/// Reads the form from the query; with no query, the role's own figures.
pub fn read_form(
    r: &RolePage,
    q: &HashMap<String, String>,
) -> (Vec<TaskField>, CustomField, Vec<TaskInput>, Option<i64>, Option<String>) {
    let fresh = q.is_empty();
    let get = |k: String, default: String| if fresh { default } else { q.get(&k).cloned().unwrap_or_default() };
    let mut inputs = Vec::new();
    let mut all_numbers = true;
    let mut total = 0i64;
    let tasks: Vec<TaskField> = r
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let share = get(format!("share{i}"), t.share.to_string());
            let score_text = get(format!("score{i}"), t.score.to_string());
            let s = whole(&share, 0, 100, "a share of time in percent");
            let k = whole(&score_text, 1, 5, "a score from 1 to 5");
            match (&s, &k) {
                (Ok(s), Ok(k)) => inputs.push(TaskInput { share: *s as u32, score: *k }),
                _ => all_numbers &= s.is_ok(),
            }
            if let Ok(s) = s {
                total += s;
            }
            TaskField {
                index: i,
                name: t.name.clone(),
                role_share: t.share,
                role_score: t.score,
                share_error: s.err(),
                score_error: k.err(),
                share,
                score: score_text,
            }
        })
        .collect();

    let mut custom = CustomField {
        name: q.get("custom_name").map(|s| s.trim().to_string()).unwrap_or_default(),
        share: q.get("custom_share").map(|s| s.trim().to_string()).unwrap_or_default(),
        score: q.get("custom_score").map(|s| s.trim().to_string()).unwrap_or_default(),
        ..CustomField::default()
    };
    let used = !custom.name.is_empty() || !custom.share.is_empty() && custom.share != "0";
    if used {
        if custom.name.is_empty() {
            custom.name_error = Some("Give your task a name.".into());
        } else if custom.name.chars().count() > MAX_NAME {
            custom.name_error = Some(format!("Keep the name to {MAX_NAME} characters."));
        }
        let s = whole(&custom.share, 1, 100, "a share of time in percent");
        let k = whole(&custom.score, 1, 5, "a score from 1 to 5");
        if let (Ok(s), Ok(k)) = (&s, &k) {
            inputs.push(TaskInput { share: *s as u32, score: *k });
        }
        match s {
            Ok(s) => total += s,
            Err(_) => all_numbers = false,
        }
        custom.share_error = s.err();
        custom.score_error = k.err();
    }
    let total_share = all_numbers.then_some(total);
    let total_error = match total_share {
        Some(100) => None,
        Some(t) => Some(format!("Your shares add up to {t}%; make them add up to 100%.")),
        None => None,
    };
    (tasks, custom, inputs, total_share, total_error)
}

/// The query string that reproduces this form.
fn share_query(tasks: &[TaskField], custom: &CustomField) -> String {
    let mut parts: Vec<String> = tasks
        .iter()
        .flat_map(|t| {
            [
                format!("share{}={}", t.index, super::encode_query_value(&t.share)),
                format!("score{}={}", t.index, super::encode_query_value(&t.score)),
            ]
        })
        .collect();
    if !custom.name.is_empty() || !custom.share.is_empty() {
        parts.push(format!("custom_name={}", super::encode_query_value(&custom.name)));
        parts.push(format!("custom_share={}", super::encode_query_value(&custom.share)));
        parts.push(format!("custom_score={}", super::encode_query_value(&custom.score)));
    }
    parts.join("&")
}

pub async fn personal(
    req: HttpRequest,
    site: State,
    slug: web::Path<String>,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    let slug = slug.into_inner();
    if !validate_slug(&slug) {
        return Err(WebError::NotFound);
    }
    let r = with_catalogue(&site, move |c| read::role_page(&c.conn(), &slug)).await?.ok_or(WebError::NotFound)?;
    let q: HashMap<String, String> = query.into_inner().into_iter().filter(|(_, v)| v.len() <= 200).collect();
    let m = site.catalogue().methodology.clone();
    let (tasks, custom, task_inputs, total_share, total_error) = read_form(&r, &q);
    let valid = total_error.is_none()
        && total_share.is_some()
        && tasks.iter().all(|t| t.share_error.is_none() && t.score_error.is_none())
        && custom.name_error.is_none()
        && custom.share_error.is_none()
        && custom.score_error.is_none();
    let card = valid.then(|| {
        let scores = |rows: &[crate::catalogue::models::ScoredRow]| rows.iter().map(|s| s.score).collect();
        score(
            &m,
            &Inputs {
                tasks: task_inputs,
                evidence: scores(&r.evidence),
                barriers: scores(&r.barriers),
                protective: scores(&r.protective),
                growth: r.card.growth,
            },
        )
    });
    let difference = card.as_ref().map_or(0.0, |c| crate::methodology::engine::round_to(c.score - r.summary.score, 1));
    let path = format!("{}/personal", r.summary.url());
    let share_url = format!("{}{}?{}", site.base_url, path, share_query(&tasks, &custom));
    let meta = PageMeta {
        noindex: !q.is_empty(),
        ..PageMeta::new(
            &site,
            &path,
            format!("Your personal AI risk score as a {}", r.summary.display_name()),
            format!(
                "Adjust how you spend your week as a {} and see your own AI job-risk score, worked through.",
                r.summary.display_name()
            ),
        )
    };
    let formula_zone_name = card.as_ref().and_then(|c| m.zone(&c.zone)).map_or_else(String::new, |z| z.name.clone());
    let page = PersonalTemplate {
        meta,
        zone_rule: super::role::zone_rule(&m),
        formula_zone_name,
        tasks,
        custom,
        total_share,
        total_error,
        card,
        difference,
        share_url,
        r,
        m,
    };
    render::page(&req, &site, &page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_are_checked_with_a_reason() {
        assert_eq!(whole(" 15 ", 0, 100, "x"), Ok(15));
        assert!(whole("7", 1, 5, "x").unwrap_err().contains("out of range"));
        assert!(whole("1e999", 0, 100, "x").unwrap_err().contains("not a whole number"));
        assert!(whole("ten", 0, 100, "x").unwrap_err().contains("not a whole number"));
        assert!(whole("", 0, 100, "a share").unwrap_err().contains("Enter a share"));
    }
}
