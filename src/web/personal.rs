//! `/roles/{slug}/personal` and `/occupations/{code}/personal`: the reader's own score from their
//! own task mix, starting from the assessment's rated tasks. The state lives in the query string,
//! so a result is a link that reproduces it. Bad input is explained next to its field; the page
//! itself always renders.

use super::http::ids::{RoleSlug, SocCode};
use super::http::render::{self, PageMeta};
use super::{State, WebError, filters, with_catalogue};
use crate::assessment::{Assessment, Key};
use crate::catalogue::models::Card;
use crate::catalogue::read;
use crate::methodology::engine::{percent, round_to};
use crate::methodology::{Inputs, Methodology, Scorecard, TaskInput, score};
use actix_web::{HttpResponse, web};
use askama::Template;
use std::collections::HashMap;

/// Longest custom task name we accept.
const MAX_NAME: usize = 80;

/// One task row of the form: what the reader typed, and what is wrong with it.
pub struct TaskField {
    pub index: usize,
    pub name: String,
    /// The assessment's own share, as the page writes it ("15", "6.7").
    pub role_share: String,
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
    /// The assessment's published card.
    pub own: Card,
    pub m: std::sync::Arc<Methodology>,
    pub tasks: Vec<TaskField>,
    pub custom: CustomField,
    /// Sum of the shares typed, when they are all numbers.
    pub total_share: Option<f64>,
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

impl PersonalTemplate {
    /// "RED" or "GREEN (Transforming)": a card's zone as every badge names it.
    fn tag(&self, c: &Card) -> String {
        super::assessment::zone_tag(&self.m, c.zone, c.sub_label.as_deref())
    }
}

/// Shares are typed in percent with at most one decimal; the engine takes tenths of a percent.
const TENTHS: f64 = 10.0;
/// How far each typed share may stray from the exact one: the assessment's own shares are shown
/// rounded to a tenth, so n shares may miss 100% by up to n x 0.05.
const ROUNDING_PER_TASK: f64 = 0.05;

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

/// Parses a share of time in percent (0-100, at most one decimal), or says what to type instead.
fn share(text: &str, min: f64) -> Result<f64, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("Enter a share of time in percent.".into());
    }
    match t.parse::<f64>() {
        Ok(n) if n.is_finite() && (min..=100.0).contains(&n) && (n * TENTHS).fract().abs() < 1e-9 => Ok(n),
        Ok(n) if n.is_finite() && (min..=100.0).contains(&n) => Err("Use at most one decimal place.".into()),
        _ => Err(format!(
            "\u{201c}{}\u{201d} is not a share of time: enter a number from {} to 100.",
            t.chars().take(20).collect::<String>(),
            percent(min)
        )),
    }
}

/// What the form read: its fields, the engine's tasks, and the total typed.
pub struct Form {
    pub tasks: Vec<TaskField>,
    pub custom: CustomField,
    pub inputs: Vec<TaskInput>,
    pub total_share: Option<f64>,
    pub total_error: Option<String>,
}

/// Reads the form from the query; with no query, the assessment's own rated tasks.
pub fn read_form(m: &Methodology, a: &Assessment, q: &HashMap<String, String>) -> Form {
    let fresh = q.is_empty();
    let get = |k: String, default: String| if fresh { default } else { q.get(&k).cloned().unwrap_or_default() };
    let (lo, hi) = (m.task_scores.min, m.task_scores.max);
    let score_what = format!("a score from {lo} to {hi}");
    let mut inputs = Vec::new();
    let mut all_numbers = true;
    let mut total = 0.0;
    let tasks: Vec<TaskField> = a
        .rated_tasks()
        .enumerate()
        .map(|(i, (t, figures))| {
            let own_score = t.score.unwrap_or(lo);
            let typed_share = get(format!("share{i}"), percent(figures.share));
            let typed_score = get(format!("score{i}"), own_score.to_string());
            let s = share(&typed_share, 0.0);
            let k = whole(&typed_score, lo, hi, &score_what);
            match (&s, &k) {
                (Ok(s), Ok(k)) => inputs.push(TaskInput { weight: (s * TENTHS).round() as u32, score: *k }),
                _ => all_numbers &= s.is_ok(),
            }
            if let Ok(s) = s {
                total += s;
            }
            TaskField {
                index: i,
                name: t.name.clone(),
                role_share: percent(figures.share),
                role_score: own_score,
                share_error: s.err(),
                score_error: k.err(),
                share: typed_share,
                score: typed_score,
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
        let s = share(&custom.share, 0.1);
        let k = whole(&custom.score, lo, hi, &score_what);
        if let (Ok(s), Ok(k)) = (&s, &k) {
            inputs.push(TaskInput { weight: (s * TENTHS).round() as u32, score: *k });
        }
        match s {
            Ok(s) => total += s,
            Err(_) => all_numbers = false,
        }
        custom.share_error = s.err();
        custom.score_error = k.err();
    }
    let total_share = all_numbers.then_some(round_to(total, 1));
    let tolerance = ROUNDING_PER_TASK * tasks.len() as f64 + 1e-9;
    let total_error = match total_share {
        Some(t) if (t - 100.0).abs() <= tolerance => None,
        Some(t) => Some(format!("Your shares add up to {}%; make them add up to 100%.", percent(t))),
        None => None,
    };
    Form { tasks, custom, inputs, total_share, total_error }
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

pub async fn role_personal(
    site: State,
    slug: RoleSlug,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    personal(site, slug.key(), query.into_inner()).await
}

pub async fn occupation_personal(
    site: State,
    code: SocCode,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    personal(site, code.key(), query.into_inner()).await
}

async fn personal(site: State, key: Key, query: HashMap<String, String>) -> Result<HttpResponse, WebError> {
    let (a, card) = with_catalogue(&site, move |c| {
        let conn = c.conn();
        Ok(read::assessment(&conn, &key)?.zip(read::card_of(&conn, &key)?))
    })
    .await?
    .ok_or(WebError::NotFound)?;
    let q: HashMap<String, String> = query.into_iter().filter(|(_, v)| v.len() <= 200).collect();
    let m = site.catalogue().methodology.clone();
    let form = read_form(&m, &a, &q);
    let valid = form.total_error.is_none()
        && form.total_share.is_some()
        && form.tasks.iter().all(|t| t.share_error.is_none() && t.score_error.is_none())
        && form.custom.name_error.is_none()
        && form.custom.share_error.is_none()
        && form.custom.score_error.is_none();
    // Untouched, the page shows the published figures exactly (the typed shares are rounded).
    let inputs = if q.is_empty() { a.inputs().tasks } else { form.inputs };
    let card_out = valid.then(|| score(&m, &Inputs { tasks: inputs, ..a.inputs() }));
    let difference = card_out.as_ref().map_or(0.0, |c| round_to(c.score - card.score, 1));
    let path = format!("{}/personal", card.url());
    let share_url = format!("{}{}?{}", site.base_url, path, share_query(&form.tasks, &form.custom));
    let meta = PageMeta {
        noindex: !q.is_empty(),
        ..PageMeta::new(
            &site,
            &path,
            format!("Your personal AI risk score: {}", card.display_name()),
            format!(
                "Adjust how you spend your week in {} and see your own AI job-risk score, worked through.",
                card.display_name()
            ),
        )
    };
    let formula_zone_name = card_out.as_ref().map_or_else(String::new, |c| m.zone(c.zone).name.clone());
    let page = PersonalTemplate {
        meta,
        zone_rule: super::assessment::zone_rule(&m),
        formula_zone_name,
        tasks: form.tasks,
        custom: form.custom,
        total_share: form.total_share,
        total_error: form.total_error,
        card: card_out,
        difference,
        share_url,
        own: card,
        m,
    };
    render::page(&page)
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

    #[test]
    fn shares_take_one_decimal_at_most() {
        assert_eq!(share("6.7", 0.0), Ok(6.7));
        assert_eq!(share(" 15 ", 0.0), Ok(15.0));
        assert!(share("6.67", 0.0).unwrap_err().contains("one decimal"));
        assert!(share("101", 0.0).unwrap_err().contains("from 0 to 100"));
        assert!(share("NaN", 0.0).unwrap_err().contains("not a share"));
        assert!(share("0", 0.1).unwrap_err().contains("from 0.1 to 100"));
    }
}
