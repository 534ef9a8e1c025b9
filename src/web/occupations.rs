//! `/occupations` (all 1,016 by major group) and `/occupations/{soc}` (one, with its roles).

use super::render::{self, PageMeta};
use super::{State, WebError, with_catalogue};
use crate::catalogue::models::{MajorGroupRow, NearbyRole, OccupationRow, RoleSummary};
use crate::catalogue::occupations as queries;
use crate::content::is_soc_code;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

/// Roles listed on an occupation page, so its weight does not grow with the catalogue.
pub const ROLES_SHOWN: usize = 25;

/// templates/occupation.html
#[derive(Template)]
#[template(path = "occupation.html")]
pub struct OccupationTemplate {
    pub meta: PageMeta,
    pub o: OccupationRow,
    /// Roles assessed in this occupation, at most `ROLES_SHOWN`.
    pub roles: Vec<RoleSummary>,
    /// How many roles are assessed in it in all; past `ROLES_SHOWN`, the page links to browse.
    pub roles_total: usize,
    /// The browse page for this occupation's major group.
    pub browse_url: String,
    /// When none are: the assessed roles closest to it.
    pub nearby: Vec<NearbyRole>,
    /// O*NET OnLine's page for this code.
    pub onet_url: String,
    /// True when no nearby role shares this occupation's major group.
    pub only_other_groups: bool,
}

impl OccupationTemplate {
    fn closeness(&self, n: &NearbyRole) -> String {
        match n.closeness {
            "broad" => "Same broad occupation group".into(),
            "minor" => "Same minor group".into(),
            "major" => format!("Same major group: {}", self.o.major_group_name),
            _ => "Another occupation group".into(),
        }
    }
}

pub async fn occupation(req: HttpRequest, site: State, code: web::Path<String>) -> Result<HttpResponse, WebError> {
    let code = code.into_inner();
    if !is_soc_code(&code) {
        return Err(WebError::NotFound);
    }
    let (o, roles, nearby) = with_catalogue(&site, move |c| {
        let conn = c.conn();
        let Some(o) = queries::occupation(&conn, &code)? else { return Ok((None, vec![], vec![])) };
        let roles = queries::roles_in(&conn, &code)?;
        let nearby = if roles.is_empty() { queries::nearby_roles(&conn, &code, 6)? } else { Vec::new() };
        Ok((Some(o), roles, nearby))
    })
    .await?;
    let o = o.ok_or(WebError::NotFound)?;
    let mut roles = roles;
    let roles_total = roles.len();
    roles.truncate(ROLES_SHOWN);
    let browse_url = format!("/roles?group={}", o.code.get(..2).unwrap_or_default());
    let status = if roles.is_empty() {
        "not yet assessed".to_string()
    } else {
        format!("{roles_total} assessed role{}", if roles_total == 1 { "" } else { "s" })
    };
    let meta = PageMeta::new(
        &site,
        &o.url(),
        format!("{} ({}): AI job risk, {status}", o.title, o.code),
        format!("{} — O*NET-SOC {}. {}", o.title, o.code, first_sentence(&o.description)),
    );
    let onet_url = format!("https://www.onetonline.org/link/summary/{}", o.code);
    let only_other_groups = !nearby.is_empty() && nearby.iter().all(|n| n.closeness == "other");
    render::page(
        &req,
        &site,
        &OccupationTemplate { meta, o, roles, roles_total, browse_url, nearby, onet_url, only_other_groups },
    )
}

fn first_sentence(text: &str) -> &str {
    text.find(". ").map_or(text, |i| &text[..=i])
}

/// templates/occupations.html
#[derive(Template)]
#[template(path = "occupations.html")]
pub struct OccupationsTemplate {
    pub meta: PageMeta,
    pub groups: Vec<MajorGroupRow>,
    pub total: usize,
    pub assessed: usize,
}

pub async fn occupations(req: HttpRequest, site: State) -> Result<HttpResponse, WebError> {
    let groups = with_catalogue(&site, |c| queries::by_major_group(&c.conn())).await?;
    let total = groups.iter().map(|g| g.occupations.len()).sum();
    let assessed = groups.iter().map(MajorGroupRow::assessed).sum();
    let meta = PageMeta::new(
        &site,
        "/occupations",
        "All occupations by group: find yours",
        format!(
            "All {total} O*NET occupations in 23 major groups, with the ones jobzone has assessed for AI risk marked."
        ),
    );
    render::page(&req, &site, &OccupationsTemplate { meta, groups, total, assessed })
}
