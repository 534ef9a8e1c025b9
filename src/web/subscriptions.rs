//! Email updates: the follow form's POST, the confirmation and unsubscribe links, and the pages
//! they answer with.
//!
//! Forgery protection without per-visitor state. Role pages are served from a shared page
//! cache (the same bytes for every reader, no cookies), so the form cannot carry a per-visitor
//! CSRF token. Instead a POST to /subscribe must pass two checks, or it gets 403:
//! - the hidden `token` field must equal HMAC(secret, kind, id) for the followed item: the same
//!   for every reader, so cacheable, but unknowable without the secret, so a forged form must
//!   first fetch our page, and a token for one item does not work for another;
//! - the browser's own provenance headers must not say cross-site: `Sec-Fetch-Site`, when sent,
//!   must be `same-origin`, and `Origin`, when sent, must be our public origin or the request's
//!   own host. Every current browser sends at least one of them on a cross-site POST, and a
//!   page on another site cannot remove or forge them.
//!
//! Double opt-in is the last line: even a forged request only sends a confirmation email that
//! the address's owner must open and confirm with a POST.
//!
//! Every answer here is `Cache-Control: no-store`, sets no cookie, and is the same whether or
//! not the address was already subscribed.

use super::http::render::PageMeta;
use super::{Site, State, WebError};
use crate::subscriptions::limits::Limited;
use crate::subscriptions::store::Subscription;
use crate::subscriptions::{Kind, Link, SubscribeError, Subscriptions, Target, address, notify};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, CacheControl, CacheDirective};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use std::sync::Arc;

/// What templates/partials/updates_form.html needs: the followed item and, after a refused
/// address, what was typed and why it was refused.
pub struct FollowForm {
    pub kind: &'static str,
    pub id: String,
    /// "Backend/API Developer (Mid-Level)".
    pub name: String,
    /// HMAC(secret, kind, id): the same for every reader of the page.
    pub token: String,
    pub email: String,
    pub error: String,
    /// False when this copy of the site has no subscribers store: the form says so instead.
    pub available: bool,
}

impl FollowForm {
    pub fn new(site: &Site, kind: Kind, id: &str, name: String) -> FollowForm {
        let target = Target { kind, id: id.to_string() };
        let token = site.subscriptions.as_ref().map(|s| s.form_token(&target)).unwrap_or_default();
        FollowForm {
            kind: kind.as_str(),
            id: id.to_string(),
            name,
            token,
            email: String::new(),
            error: String::new(),
            available: site.subscriptions.is_some(),
        }
    }
}

/// What every email-updates action says when there is no subscribers store.
const UNAVAILABLE: &str = "Email updates are unavailable on this copy of the site: it has nowhere to keep subscriptions. Every page still works, and editor roles have an Atom feed of their updates.";

/// The client a request comes from, for the per-client limit: the peer, or when the peer is
/// our reverse proxy, the last address its X-Forwarded-For names (the one the proxy saw; the
/// ones before it are the client's own claim).
fn client_ip(req: &HttpRequest, proxy: Option<std::net::IpAddr>) -> String {
    let peer = req.peer_addr().map(|a| a.ip());
    let forwarded = || {
        let header = req.headers().get("x-forwarded-for")?.to_str().ok()?;
        header.rsplit(',').next()?.trim().parse::<std::net::IpAddr>().ok()
    };
    let client = if peer.is_some() && peer == proxy { forwarded().or(peer) } else { peer };
    client.map_or_else(|| "unknown".to_string(), |ip| ip.to_string())
}

/// The subscriptions feature, or 503 when this copy of the site runs without it.
fn subscriptions(site: &Site) -> Result<Arc<Subscriptions>, WebError> {
    site.subscriptions.clone().ok_or(WebError::Unavailable(UNAVAILABLE))
}

/// templates/subscriptions/message.html: an answer in a heading and a few sentences.
#[derive(Template)]
#[template(path = "subscriptions/message.html")]
struct Message {
    meta: PageMeta,
    heading: String,
    paragraphs: Vec<String>,
    /// (href, label) of the next step, if any.
    next: Option<(String, String)>,
}

/// templates/subscriptions/form.html: the follow form again, with the problem next to the field.
#[derive(Template)]
#[template(path = "subscriptions/form.html")]
struct FormAgain {
    meta: PageMeta,
    follow: FollowForm,
    back: String,
}

/// templates/subscriptions/button.html: a link from an email opens this; only its POST acts.
#[derive(Template)]
#[template(path = "subscriptions/button.html")]
struct ButtonPage {
    meta: PageMeta,
    heading: String,
    text: String,
    action: String,
    /// (name, value, label, primary) of each submit button.
    buttons: Vec<(&'static str, &'static str, &'static str, bool)>,
}

fn respond(status: StatusCode, template: &impl Template) -> Result<HttpResponse, WebError> {
    let body = template.render().map_err(|e| WebError::internal("while rendering a template", e))?;
    Ok(HttpResponse::build(status)
        .insert_header(header::ContentType::html())
        .insert_header(CacheControl(vec![CacheDirective::NoStore]))
        .body(body))
}

fn message(
    status: StatusCode,
    heading: &str,
    paragraphs: &[&str],
    next: Option<(&str, &str)>,
) -> Result<HttpResponse, WebError> {
    respond(
        status,
        &Message {
            meta: PageMeta::noindex(heading),
            heading: heading.to_string(),
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            next: next.map(|(a, b)| (a.to_string(), b.to_string())),
        },
    )
}

/// The follow form's fields; all optional so that a missing one is a clear refusal, not a
/// parser error.
#[derive(Debug, Deserialize)]
pub struct SubscribeForm {
    kind: Option<String>,
    id: Option<String>,
    email: Option<String>,
    token: Option<String>,
}

/// True unless the browser says the POST came from another site (see the module docs).
fn same_origin(req: &HttpRequest, base_url: &str) -> bool {
    let get = |name: &str| req.headers().get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = get("sec-fetch-site")
        && site != "same-origin"
    {
        return false;
    }
    match get("origin") {
        None => true,
        Some(origin) => {
            let host = get("host").unwrap_or("");
            let origin_host = origin.split_once("://").map_or("", |(_, h)| h);
            origin == base_url || (!host.is_empty() && origin_host == host)
        }
    }
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> anyhow::Result<T> + Send + 'static) -> Result<T, WebError> {
    web::block(f)
        .await
        .map_err(|e| WebError::internal("while waiting for a blocking thread", e))?
        .map_err(|e| WebError::internal("while handling email updates", e))
}

/// POST /subscribe
pub async fn subscribe(
    req: HttpRequest,
    site: State,
    form: web::Form<SubscribeForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let (kind, id) = (form.kind.unwrap_or_default(), form.id.unwrap_or_default());
    let Some(target) = Target::parse(&kind, &id) else {
        return Err(WebError::BadRequest("the form does not say what to follow".into()));
    };
    let subs = subscriptions(&site)?;
    let token_ok = form.token.as_deref().is_some_and(|t| subs.form_token_matches(&target, t));
    if !token_ok || !same_origin(&req, &site.base_url) {
        return message(
            StatusCode::FORBIDDEN,
            "We could not accept that form",
            &[
                "It did not come from a jobzone page we served, so we ignored it to protect you from a forged sign-up. Please use the form on the page itself.",
            ],
            Some(("/", "Go to the home page")),
        );
    }
    let catalogue_site = site.clone();
    let t = target.clone();
    let what = blocking(move || notify::snapshot(&catalogue_site.catalogue(), &t)).await?.ok_or(WebError::NotFound)?;
    let email = match address::parse(form.email.as_deref().unwrap_or("")) {
        Ok(email) => email,
        Err(problem) => {
            let mut follow = FollowForm::new(&site, target.kind, &target.id, what.title.clone());
            follow.email = form.email.unwrap_or_default().chars().take(300).collect();
            follow.error = problem.to_string();
            let meta = PageMeta::noindex(&format!("Check your email address: updates on {}", what.title));
            return respond(StatusCode::UNPROCESSABLE_ENTITY, &FormAgain { meta, follow, back: what.url });
        }
    };
    let ip = client_ip(&req, subs.proxy_ip);
    let title = what.title.clone();
    let outcome = web::block(move || subs.subscribe(&email, &target, &what, &ip))
        .await
        .map_err(|e| WebError::internal("while waiting for a blocking thread", e))?;
    match outcome {
        Ok(()) => message(
            StatusCode::OK,
            "Check your inbox",
            &[
                &format!(
                    "If that address can receive email, a message is on its way with a link to confirm updates on {title}. Open it and press the confirm button; until then we send nothing else."
                ),
                "Nothing there after a few minutes? Look in your spam folder, or try again later.",
            ],
            Some(("/privacy", "What we keep and why")),
        ),
        Err(SubscribeError::Limited(which)) => {
            let why = match which {
                Limited::Address => "That address has been sent several confirmation emails in the last hour.",
                Limited::Ip => "Several confirmation emails have been requested from your network in the last hour.",
            };
            let mut response = message(
                StatusCode::TOO_MANY_REQUESTS,
                "Too many sign-up emails for now",
                &[
                    why,
                    "To protect inboxes from floods, we send no more for now. Please try again in an hour, or use the link in an email you already have.",
                ],
                Some(("/", "Go to the home page")),
            )?;
            response.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from_static("3600"));
            Ok(response)
        }
        Err(SubscribeError::NotSent(e)) => {
            tracing::error!("confirmation email not sent: {e}");
            message(
                StatusCode::SERVICE_UNAVAILABLE,
                "We could not send the email just now",
                &["Our mail server did not take the message. Nothing was sent; please try again in a few minutes."],
                None,
            )
        }
        Err(SubscribeError::Internal(e)) => Err(WebError::internal("while subscribing", e)),
    }
}

/// The answer for a link that cannot be used, or None when it is live.
fn refused(link: &Link, stale: (&str, &str)) -> Option<Result<HttpResponse, WebError>> {
    match link {
        Link::Live(_) => None,
        Link::Invalid => Some(message(
            StatusCode::BAD_REQUEST,
            "This link is not valid",
            &[
                "It may have been cut short or changed on the way. Copy the whole link from the email into your browser, or start again from the page you wanted to follow.",
            ],
            Some(("/", "Go to the home page")),
        )),
        Link::Expired => Some(message(
            StatusCode::GONE,
            "This link has expired",
            &[
                "Confirmation links work for 48 hours. Nothing was changed; ask for a new one with the form on the page you wanted to follow.",
            ],
            Some(("/", "Go to the home page")),
        )),
        Link::Stale => Some(message(StatusCode::OK, stale.0, &[stale.1], Some(("/", "Go to the home page")))),
    }
}

const STALE_CONFIRM: (&str, &str) = (
    "This link has already been used",
    "It was used or replaced by a newer confirmation email, so there is nothing to confirm here. If you asked again, use the link in the newest email.",
);
const STALE_UNSUBSCRIBE: (&str, &str) =
    ("You are not subscribed", "There is no subscription for this link any more: nothing is kept for it.");

async fn follow_name(site: &State, sub: &Subscription) -> Result<String, WebError> {
    let (site, target) = (site.clone(), sub.target.clone());
    let what = blocking(move || notify::snapshot(&site.catalogue(), &target)).await?;
    Ok(what.map_or_else(|| sub.target.id.clone(), |w| w.title))
}

/// What a link in one of our emails leads to: its live subscription and the followed item's
/// name, or the page that refuses a stale, expired or tampered link.
async fn live_link(
    site: &State,
    stale: (&str, &str),
    lookup: impl FnOnce() -> anyhow::Result<Link> + Send + 'static,
) -> Result<Result<(Subscription, String), HttpResponse>, WebError> {
    let state = blocking(lookup).await?;
    if let Some(answer) = refused(&state, stale) {
        return answer.map(Err);
    }
    let Link::Live(sub) = state else { return Err(WebError::NotFound) };
    let name = follow_name(site, &sub).await?;
    Ok(Ok((sub, name)))
}

/// GET /subscribe/confirm/{token}: shows a confirm button and changes nothing, so a mail
/// scanner that opens links confirms nothing.
pub async fn confirm_page(site: State, link: web::Path<String>) -> Result<HttpResponse, WebError> {
    let link = link.into_inner();
    let (subs, l) = (subscriptions(&site)?, link.clone());
    let (sub, name) = match live_link(&site, STALE_CONFIRM, move || subs.confirm_link(&l)).await? {
        Ok(live) => live,
        Err(refusal) => return Ok(refusal),
    };
    respond(
        StatusCode::OK,
        &ButtonPage {
            meta: PageMeta::noindex("Confirm email updates"),
            heading: format!("Confirm email updates on {name}"),
            text: format!("Press the button to send updates on {name} to {}.", sub.email),
            action: format!("/subscribe/confirm/{}", token_path(&link)),
            buttons: vec![("confirm", "yes", "Confirm my subscription", true)],
        },
    )
}

/// POST /subscribe/confirm/{token}
pub async fn confirm(site: State, link: web::Path<String>) -> Result<HttpResponse, WebError> {
    let link = link.into_inner();
    let (s, subs) = (site.clone(), subscriptions(&site)?);
    let (sub, name) = match live_link(&site, STALE_CONFIRM, move || subs.confirm(&link, &s.catalogue())).await? {
        Ok(live) => live,
        Err(refusal) => return Ok(refusal),
    };
    message(
        StatusCode::OK,
        "You are subscribed",
        &[
            &format!("We will email {} when the score, zone or revision of {name} changes.", sub.email),
            "Every email has a link to unsubscribe in one click.",
        ],
        None,
    )
}

/// GET /unsubscribe/{token}: a page with the buttons; the RFC 8058 one-click POST goes to the
/// same address.
pub async fn unsubscribe_page(site: State, link: web::Path<String>) -> Result<HttpResponse, WebError> {
    let link = link.into_inner();
    let (subs, l) = (subscriptions(&site)?, link.clone());
    let (sub, name) = match live_link(&site, STALE_UNSUBSCRIBE, move || subs.unsubscribe_link(&l)).await? {
        Ok(live) => live,
        Err(refusal) => return Ok(refusal),
    };
    respond(
        StatusCode::OK,
        &ButtonPage {
            meta: PageMeta::noindex("Unsubscribe"),
            heading: format!("Stop email updates on {name}?"),
            text: format!("This deletes the subscription of {} to {name}.", sub.email),
            action: format!("/unsubscribe/{}", token_path(&link)),
            buttons: vec![
                ("scope", "one", "Unsubscribe", true),
                ("scope", "all", "Delete everything you keep about my address", false),
            ],
        },
    )
}

/// POST /unsubscribe/{token}: the button, or a mail client's one-click request
/// (`List-Unsubscribe=One-Click`, form-urlencoded or multipart): the token is the authority,
/// so no origin check applies. `scope=all` deletes every subscription of the address.
pub async fn unsubscribe(site: State, link: web::Path<String>, body: web::Bytes) -> Result<HttpResponse, WebError> {
    let link = link.into_inner();
    let everything = String::from_utf8_lossy(&body).contains("scope=all");
    let subs = subscriptions(&site)?;
    let (sub, name) = match live_link(&site, STALE_UNSUBSCRIBE, move || subs.unsubscribe(&link, everything)).await? {
        Ok(live) => live,
        Err(refusal) => return Ok(refusal),
    };
    let done = if everything {
        format!("We deleted {} and everything it followed. You will get no more email from us.", sub.email)
    } else {
        format!("We deleted the subscription of {} to {name}. You will get no more updates on it.", sub.email)
    };
    message(StatusCode::OK, "You are unsubscribed", &[&done], Some(("/privacy", "What we keep and why")))
}

/// Tokens are URL-safe already; this keeps anything else out of the form's action.
fn token_path(link: &str) -> String {
    link.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')).collect()
}

/// The routes of this area, with small body limits.
pub fn routes(cfg: &mut web::ServiceConfig) {
    let form = web::FormConfig::default()
        .limit(4096)
        .error_handler(|e, _| WebError::BadRequest(format!("the form could not be read: {e}")).into());
    cfg.service(web::resource("/subscribe").app_data(form).route(web::post().to(subscribe)))
        .service(
            web::resource("/subscribe/confirm/{token}")
                .route(super::http::methods::get_or_head().to(confirm_page))
                .route(web::post().to(confirm)),
        )
        .service(
            web::resource("/unsubscribe/{token}")
                .app_data(web::PayloadConfig::new(8192))
                .route(super::http::methods::get_or_head().to(unsubscribe_page))
                .route(web::post().to(unsubscribe)),
        );
}

#[cfg(test)]
mod tests {
    use super::{client_ip, token_path};
    use actix_web::test::TestRequest;

    #[test]
    fn a_token_in_a_form_action_keeps_only_url_safe_characters() {
        assert_eq!(token_path("c.1.2.ab-_.x\"><script>"), "c.1.2.ab-_.xscript");
    }

    #[test]
    fn the_client_is_the_proxys_forwarded_address_only_when_the_peer_is_our_proxy() {
        let proxy: std::net::IpAddr = [127, 0, 0, 1].into();
        let via = |peer: &str| {
            TestRequest::default()
                .peer_addr(peer.parse().expect("address"))
                .insert_header(("X-Forwarded-For", "6.6.6.6, 203.0.113.9"))
                .to_http_request()
        };
        assert_eq!(client_ip(&via("127.0.0.1:4000"), Some(proxy)), "203.0.113.9");
        assert_eq!(
            client_ip(&via("198.51.100.7:4000"), Some(proxy)),
            "198.51.100.7",
            "anyone else's header is ignored"
        );
        assert_eq!(client_ip(&via("127.0.0.1:4000"), None), "127.0.0.1", "no proxy configured");
    }
}
