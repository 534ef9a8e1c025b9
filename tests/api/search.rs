//! Search: relevance, hostile queries, and the JSON API.

use crate::helpers::{one, select, spawn_app, texts};

/// (what a reader types, the page a person would expect first). The first block is the set
/// the site started with (editor roles and exact titles); then every example from issue 9;
/// then lay titles, abbreviations, plurals, informal names and one- and two-letter typos for
/// the occupations employing the most people (OEWS May 2025), and some everyday job names.
const RELEVANCE: &[(&str, &str)] = &[
    ("backend developer", "/roles/backend-api-developer-mid-level"),
    ("Backend Engineer", "/roles/backend-api-developer-mid-level"),
    ("back-end developer", "/roles/backend-api-developer-mid-level"),
    ("back end engineer", "/roles/backend-api-developer-mid-level"),
    ("backend/api developer", "/roles/backend-api-developer-mid-level"),
    ("backend", "/roles/backend-api-developer-mid-level"),
    ("backnd developer", "/roles/backend-api-developer-mid-level"),
    ("node backend eng", "/roles/backend-api-developer-mid-level"),
    ("backend dev", "/roles/backend-api-developer-mid-level"),
    ("api developer", "/roles/backend-api-developer-mid-level"),
    ("developer backend", "/roles/backend-api-developer-mid-level"),
    ("senior software engineer", "/roles/senior-software-engineer"),
    ("senior swe", "/roles/senior-software-engineer"),
    ("sr software developer", "/roles/senior-software-engineer"),
    ("senior developer", "/roles/senior-software-engineer"),
    ("senoir software engineer", "/roles/senior-software-engineer"),
    ("junior developer", "/roles/junior-software-developer"),
    ("junior software developer", "/roles/junior-software-developer"),
    ("graduate developer", "/roles/junior-software-developer"),
    ("jr dev", "/roles/junior-software-developer"),
    ("entry level software engineer", "/roles/junior-software-developer"),
    ("devsecops", "/roles/devsecops-engineer"),
    ("devsecops engineer", "/roles/devsecops-engineer"),
    ("dev sec ops", "/roles/devsecops-engineer"),
    ("devsecops eng", "/roles/devsecops-engineer"),
    ("cloud security engineer", "/roles/devsecops-engineer"),
    ("security developer", "/roles/security-software-developer"),
    ("detection engineer", "/roles/security-software-developer"),
    ("security software developer", "/roles/security-software-developer"),
    ("product security engineer", "/roles/security-software-developer"),
    ("software developer", "/occupations/15-1252.00"),
    ("software developers", "/occupations/15-1252.00"),
    ("nurse practitioner", "/occupations/29-1171.00"),
    ("nurse practioner", "/occupations/29-1171.00"),
    ("registered nurse", "/occupations/29-1141.00"),
    ("registered nurses", "/occupations/29-1141.00"),
    ("rn", "/occupations/29-1141.00"),
    ("hr manager", "/occupations/11-3121.00"),
    ("human resources manager", "/occupations/11-3121.00"),
    ("ux designer", "/occupations/15-1255.00"),
    ("secretary", "/occupations/43-6014.00"),
    ("secretaries", "/occupations/43-6014.00"),
    ("economist", "/occupations/19-3011.00"),
    ("economists", "/occupations/19-3011.00"),
    ("accountant", "/occupations/13-2011.00"),
    ("accountants and auditors", "/occupations/13-2011.00"),
    ("acountant", "/occupations/13-2011.00"),
    ("truck driver", "/occupations/53-3032.00"),
    ("heavy truck driver", "/occupations/53-3032.00"),
    ("cashier", "/occupations/41-2011.00"),
    ("cashiers", "/occupations/41-2011.00"),
    ("web developer", "/occupations/15-1254.00"),
    ("web developers", "/occupations/15-1254.00"),
    ("data scientist", "/occupations/15-2051.00"),
    ("data scientists", "/occupations/15-2051.00"),
    ("information security analyst", "/occupations/15-1212.00"),
    ("information security engineers", "/occupations/15-1299.05"),
    ("chief executive", "/occupations/11-1011.00"),
    ("ceo", "/occupations/11-1011.00"),
    ("electrician", "/occupations/47-2111.00"),
    ("electricians", "/occupations/47-2111.00"),
    ("electrican", "/occupations/47-2111.00"),
    ("plumber", "/occupations/47-2152.00"),
    ("pharmacist", "/occupations/29-1051.00"),
    ("pharmacists", "/occupations/29-1051.00"),
    ("paralegal", "/occupations/23-2011.00"),
    ("lawyer", "/occupations/23-1011.00"),
    ("physician assistant", "/occupations/29-1071.00"),
    ("dental hygienist", "/occupations/29-1292.00"),
    ("graphic designer", "/occupations/27-1024.00"),
    // Lay titles, abbreviations, plurals, informal names and typos.
    ("nurse", "/occupations/29-1141.00"),
    ("nurses", "/occupations/29-1141.00"),
    ("CNA", "/occupations/31-1131.00"),
    ("trucker", "/occupations/53-3032.00"),
    ("bookkeeper", "/occupations/43-3031.00"),
    ("car mechanic", "/occupations/49-3023.00"),
    ("cop", "/occupations/33-3051.00"),
    ("help desk", "/occupations/15-1232.00"),
    ("uber driver", "/occupations/53-3054.00"),
    ("electrcian", "/occupations/47-2111.00"),
    ("nuser", "/occupations/29-1141.00"),
    ("caregiver", "/occupations/31-1122.00"),
    ("recruiter", "/occupations/13-1071.00"),
    ("emt", "/occupations/29-2042.00"),
    ("mailman", "/occupations/43-5052.00"),
    ("home health aide", "/occupations/31-1121.00"),
    ("home health aides", "/occupations/31-1121.00"),
    ("personal care aide", "/occupations/31-1122.00"),
    ("hha", "/occupations/31-1121.00"),
    ("retail salesperson", "/occupations/41-2031.00"),
    ("retail sales associate", "/occupations/41-2031.00"),
    ("sales associate", "/occupations/41-2031.00"),
    ("retail salespersons", "/occupations/41-2031.00"),
    ("retail salesperon", "/occupations/41-2031.00"),
    ("fast food worker", "/occupations/35-3023.00"),
    ("fast food workers", "/occupations/35-3023.00"),
    ("fast food wroker", "/occupations/35-3023.00"),
    ("crew member", "/occupations/35-3023.00"),
    ("general manager", "/occupations/11-1021.00"),
    ("operations manager", "/occupations/11-1021.00"),
    ("general manger", "/occupations/11-1021.00"),
    ("general and operations managers", "/occupations/11-1021.00"),
    ("staff nurse", "/occupations/29-1141.00"),
    ("registerd nurse", "/occupations/29-1141.00"),
    ("regsitered nurse", "/occupations/29-1141.00"),
    ("regestered nurce", "/occupations/29-1141.00"),
    ("cahsier", "/occupations/41-2011.00"),
    ("casheir", "/occupations/41-2011.00"),
    ("warehouse worker", "/occupations/53-7062.00"),
    ("material handler", "/occupations/53-7062.00"),
    ("warehouse associate", "/occupations/53-7062.00"),
    ("freight handler", "/occupations/53-7062.00"),
    ("warehouse wroker", "/occupations/53-7062.00"),
    ("stocker", "/occupations/53-7065.00"),
    ("order filler", "/occupations/53-7065.00"),
    ("shelf stocker", "/occupations/53-7065.00"),
    ("customer service representative", "/occupations/43-4051.00"),
    ("customer service rep", "/occupations/43-4051.00"),
    ("csr", "/occupations/43-4051.00"),
    ("customer service representatives", "/occupations/43-4051.00"),
    ("custmer servise representative", "/occupations/43-4051.00"),
    ("call center agent", "/occupations/43-4051.00"),
    ("office clerk", "/occupations/43-9061.00"),
    ("ofice clerk", "/occupations/43-9061.00"),
    ("waiter", "/occupations/35-3031.00"),
    ("waitress", "/occupations/35-3031.00"),
    ("waiters", "/occupations/35-3031.00"),
    ("waitres", "/occupations/35-3031.00"),
    ("janitor", "/occupations/37-2011.00"),
    ("custodian", "/occupations/37-2011.00"),
    ("janitors", "/occupations/37-2011.00"),
    ("janiter", "/occupations/37-2011.00"),
    ("semi truck driver", "/occupations/53-3032.00"),
    ("tractor trailer driver", "/occupations/53-3032.00"),
    ("cdl driver", "/occupations/53-3032.00"),
    ("truck drivers", "/occupations/53-3032.00"),
    ("truck drvier", "/occupations/53-3032.00"),
    ("administrative assistant", "/occupations/43-6014.00"),
    ("admin assistant", "/occupations/43-6014.00"),
    ("secretery", "/occupations/43-6014.00"),
    ("secratery", "/occupations/43-6014.00"),
    ("software engineer", "/occupations/15-1252.00"),
    ("sofware developer", "/occupations/15-1252.00"),
    ("maintenance technician", "/occupations/49-9071.00"),
    ("maintenance worker", "/occupations/49-9071.00"),
    ("handyman", "/occupations/49-9071.00"),
    ("maintainance technician", "/occupations/49-9071.00"),
    ("cpa", "/occupations/13-2011.00"),
    ("auditor", "/occupations/13-2011.00"),
    ("accoutant", "/occupations/13-2011.00"),
    ("acounttant", "/occupations/13-2011.00"),
    ("nursing assistant", "/occupations/31-1131.00"),
    ("nurse aide", "/occupations/31-1131.00"),
    ("nursing assistants", "/occupations/31-1131.00"),
    ("nursing assistent", "/occupations/31-1131.00"),
    ("office manager", "/occupations/43-1011.00"),
    ("office supervisor", "/occupations/43-1011.00"),
    ("teacher aide", "/occupations/25-9042.00"),
    ("teaching assistant", "/occupations/25-9042.00"),
    ("paraprofessional", "/occupations/25-9042.00"),
    ("line cook", "/occupations/35-2014.00"),
    ("cook", "/occupations/35-2014.00"),
    ("restaurant cook", "/occupations/35-2014.00"),
    ("lien cook", "/occupations/35-2014.00"),
    ("assembler", "/occupations/51-2092.00"),
    ("assembly line worker", "/occupations/51-2092.00"),
    ("elementary school teacher", "/occupations/25-2021.00"),
    ("teacher", "/occupations/25-2021.00"),
    ("elementary teacher", "/occupations/25-2021.00"),
    ("elementry teacher", "/occupations/25-2021.00"),
    ("accounting clerk", "/occupations/43-3031.00"),
    ("bookeeper", "/occupations/43-3031.00"),
    ("bookkeepers", "/occupations/43-3031.00"),
    ("security guard", "/occupations/33-9032.00"),
    ("security officer", "/occupations/33-9032.00"),
    ("security guards", "/occupations/33-9032.00"),
    ("secuirty guard", "/occupations/33-9032.00"),
    ("construction laborer", "/occupations/47-2061.00"),
    ("construction worker", "/occupations/47-2061.00"),
    ("constuction worker", "/occupations/47-2061.00"),
    ("project manager", "/occupations/13-1082.00"),
    ("pm", "/occupations/13-1082.00"),
    ("project managers", "/occupations/13-1082.00"),
    ("high school teacher", "/occupations/25-2031.00"),
    ("secondary school teacher", "/occupations/25-2031.00"),
    ("delivery driver", "/occupations/53-3033.00"),
    ("light truck driver", "/occupations/53-3033.00"),
    ("medical secretary", "/occupations/43-6013.00"),
    ("landscaper", "/occupations/37-3011.00"),
    ("groundskeeper", "/occupations/37-3011.00"),
    ("landscapper", "/occupations/37-3011.00"),
    ("hr specialist", "/occupations/13-1071.00"),
    ("human resources specialist", "/occupations/13-1071.00"),
    ("hr generalist", "/occupations/13-1071.00"),
    ("recuiter", "/occupations/13-1071.00"),
    ("receptionist", "/occupations/43-4171.00"),
    ("receptionists", "/occupations/43-4171.00"),
    ("receptoinist", "/occupations/43-4171.00"),
    ("recepshionist", "/occupations/43-4171.00"),
    ("market research analyst", "/occupations/13-1161.00"),
    ("management consultant", "/occupations/13-1111.00"),
    ("management analyst", "/occupations/13-1111.00"),
    ("prep cook", "/occupations/35-2014.00"),
    ("food prep worker", "/occupations/35-2021.00"),
    ("housekeeper", "/occupations/37-2012.00"),
    ("maid", "/occupations/37-2012.00"),
    ("houskeeper", "/occupations/37-2012.00"),
    ("financial manager", "/occupations/11-3031.00"),
    ("finance manager", "/occupations/11-3031.00"),
    ("medical assistant", "/occupations/31-9092.00"),
    ("medical assistants", "/occupations/31-9092.00"),
    ("medical asistant", "/occupations/31-9092.00"),
    ("shipping clerk", "/occupations/43-5071.00"),
    ("receiving clerk", "/occupations/43-5071.00"),
    ("construction foreman", "/occupations/47-1011.00"),
    ("construction supervisor", "/occupations/47-1011.00"),
    ("forklift operator", "/occupations/53-7051.00"),
    ("forklift driver", "/occupations/53-7051.00"),
    ("forklfit operator", "/occupations/53-7051.00"),
    ("journeyman electrician", "/occupations/47-2111.00"),
    ("electricain", "/occupations/47-2111.00"),
    ("elektrisian", "/occupations/47-2111.00"),
    ("bartender", "/occupations/35-3011.00"),
    ("bartenders", "/occupations/35-3011.00"),
    ("bartnder", "/occupations/35-3011.00"),
    ("attorney", "/occupations/23-1011.00"),
    ("lawyers", "/occupations/23-1011.00"),
    ("laywer", "/occupations/23-1011.00"),
    ("attorny", "/occupations/23-1011.00"),
    ("helpdesk", "/occupations/15-1232.00"),
    ("it support", "/occupations/15-1232.00"),
    ("desktop support technician", "/occupations/15-1232.00"),
    ("help desk technician", "/occupations/15-1232.00"),
    ("auto mechanic", "/occupations/49-3023.00"),
    ("mechanic", "/occupations/49-3023.00"),
    ("automotive technician", "/occupations/49-3023.00"),
    ("mechanik", "/occupations/49-3023.00"),
    ("production supervisor", "/occupations/51-1011.00"),
    ("it manager", "/occupations/11-3021.00"),
    ("police officer", "/occupations/33-3051.00"),
    ("policeman", "/occupations/33-3051.00"),
    ("patrol officer", "/occupations/33-3051.00"),
    ("police oficer", "/occupations/33-3051.00"),
    ("carpenter", "/occupations/47-2031.00"),
    ("carpenters", "/occupations/47-2031.00"),
    ("carpinter", "/occupations/47-2031.00"),
    ("lpn", "/occupations/29-2061.00"),
    ("lvn", "/occupations/29-2061.00"),
    ("licensed practical nurse", "/occupations/29-2061.00"),
    ("practical nurse", "/occupations/29-2061.00"),
    ("fast food cook", "/occupations/35-2011.00"),
    ("sales manager", "/occupations/11-2022.00"),
    ("sales manger", "/occupations/11-2022.00"),
    ("middle school teacher", "/occupations/25-2022.00"),
    ("quality inspector", "/occupations/51-9061.00"),
    ("healthcare administrator", "/occupations/11-9111.00"),
    ("hospital administrator", "/occupations/11-9111.00"),
    ("packer", "/occupations/53-7064.00"),
    ("substitute teacher", "/occupations/25-3031.00"),
    ("systems analyst", "/occupations/15-1211.00"),
    ("computer systems analyst", "/occupations/15-1211.00"),
    ("childcare worker", "/occupations/39-9011.00"),
    ("nanny", "/occupations/39-9011.01"),
    ("babysitter", "/occupations/39-9011.00"),
    ("barista", "/occupations/35-3023.01"),
    ("paramedic", "/occupations/29-2043.00"),
    ("taxi driver", "/occupations/53-3054.00"),
    ("lyft driver", "/occupations/53-3054.00"),
    ("postman", "/occupations/43-5052.00"),
    ("mail carrier", "/occupations/43-5052.00"),
    ("garbage man", "/occupations/53-7081.00"),
    ("dishwasher", "/occupations/35-9021.00"),
    ("welder", "/occupations/51-4121.00"),
    ("firefighter", "/occupations/33-2011.00"),
    ("pilot", "/occupations/53-2011.00"),
    ("hairdresser", "/occupations/39-5012.00"),
    ("hairstylist", "/occupations/39-5012.00"),
    ("pharmacy tech", "/occupations/29-2052.00"),
    ("pharmacy technician", "/occupations/29-2052.00"),
    ("dental assistant", "/occupations/31-9091.00"),
    ("realtor", "/occupations/41-9022.00"),
    ("real estate agent", "/occupations/41-9022.00"),
    ("flight attendant", "/occupations/53-2031.00"),
    ("chef", "/occupations/35-1011.00"),
    ("baker", "/occupations/51-3011.00"),
    ("roofer", "/occupations/47-2181.00"),
    ("butcher", "/occupations/51-3021.00"),
    ("hvac technician", "/occupations/49-9021.00"),
    ("vet tech", "/occupations/29-2056.00"),
    ("veterinarian", "/occupations/29-1131.00"),
    ("librarian", "/occupations/25-4022.00"),
    ("plumbers", "/occupations/47-2152.00"),
    ("plummer", "/occupations/47-2152.00"),
    ("pharmasist", "/occupations/29-1051.00"),
    ("farmacist", "/occupations/29-1051.00"),
    ("dentist", "/occupations/29-1021.00"),
    ("hvac tech", "/occupations/49-9021.00"),
];

/// The examples in the first paragraph of issue 9: each must come first.
const ISSUE_EXAMPLES: &[(&str, &str)] = &[
    ("nurse", "/occupations/29-1141.00"),
    ("nurses", "/occupations/29-1141.00"),
    ("RN", "/occupations/29-1141.00"),
    ("CNA", "/occupations/31-1131.00"),
    ("trucker", "/occupations/53-3032.00"),
    ("bookkeeper", "/occupations/43-3031.00"),
    ("car mechanic", "/occupations/49-3023.00"),
    ("cop", "/occupations/33-3051.00"),
    ("help desk", "/occupations/15-1232.00"),
    ("uber driver", "/occupations/53-3054.00"),
    ("electrcian", "/occupations/47-2111.00"),
    ("caregiver", "/occupations/31-1122.00"),
    ("recruiter", "/occupations/13-1071.00"),
    ("emt", "/occupations/29-2042.00"),
    ("mailman", "/occupations/43-5052.00"),
    ("nuser", "/occupations/29-1141.00"),
];

/// The URLs of the first `n` results for `q`, from the JSON API.
pub async fn first_results(app: &crate::helpers::TestApp, q: &str, n: usize) -> Vec<String> {
    let response = app
        .client
        .get(format!("{}/api/v1/search", app.address))
        .query(&[("q", q), ("limit", &n.to_string())])
        .send()
        .await
        .expect("request");
    let json: serde_json::Value = response.json().await.expect("json");
    let results = json["results"].as_array().cloned().unwrap_or_default();
    results.iter().map(|r| r["url"].as_str().unwrap_or("-").to_string()).collect()
}

#[tokio::test]
async fn at_least_97_percent_of_200_plus_relevance_queries_are_right_first() {
    let app = spawn_app().await;
    assert!(RELEVANCE.len() >= 200, "the set has {} queries", RELEVANCE.len());
    let (mut top1, mut top3, mut misses) = (0, 0, Vec::new());
    for (q, want) in RELEVANCE {
        let got = first_results(&app, q, 3).await;
        let first = got.first().map_or("-", String::as_str);
        if first == *want {
            top1 += 1;
        } else {
            misses.push(format!("{q:?} -> {first} (want {want})"));
        }
        if got.iter().any(|u| u == want) {
            top3 += 1;
        }
    }
    let n = RELEVANCE.len();
    // Shown with `cargo test -- --nocapture`; the README quotes these figures.
    println!("relevance: {n} queries, top-1 {top1} ({:.1}%), top-3 {top3} ({:.1}%)", pct(top1, n), pct(top3, n));
    println!("misses:\n{}", misses.join("\n"));
    assert!(top1 * 100 >= n * 97, "{top1}/{n} right first; misses:\n{}", misses.join("\n"));
}

fn pct(k: usize, n: usize) -> f64 {
    k as f64 * 100.0 / n as f64
}

#[tokio::test]
async fn every_example_in_the_issue_finds_what_a_person_means_first() {
    let app = spawn_app().await;
    let mut misses = Vec::new();
    for (q, want) in ISSUE_EXAMPLES {
        let got = first_results(&app, q, 1).await;
        if got.first().map(String::as_str) != Some(*want) {
            misses.push(format!("{q:?} -> {got:?} (want {want})"));
        }
    }
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

#[tokio::test]
async fn a_whole_title_beats_a_longer_title_it_begins() {
    let app = spawn_app().await;
    let got = first_results(&app, "nurses", 4).await;
    assert_eq!(got[0], "/occupations/29-1141.00", "Registered Nurses first: {got:?}");
    for longer in ["/occupations/29-1161.00", "/occupations/29-1151.00", "/occupations/29-1171.00"] {
        let at = got.iter().position(|u| u == longer);
        assert!(at.is_none_or(|i| i > 0), "{longer} above Registered Nurses: {got:?}");
    }
}

#[tokio::test]
async fn results_say_which_title_matched_and_its_kind() {
    let app = spawn_app().await;
    let json: serde_json::Value = app.get_json("/api/v1/search?q=trucker&limit=1").await;
    let first = &json["results"][0];
    assert_eq!(first["title"], "Heavy and Tractor-Trailer Truck Drivers");
    assert_eq!(first["matched_title"], "Trucker");
    assert_eq!(first["matched_kind"], "alternate_title");
    assert!(first.get("matched").is_none(), "no mixed string beside the structured fields");
    let json: serde_json::Value = app.get_json("/api/v1/search?q=rn&limit=1").await;
    assert_eq!(
        (json["results"][0]["matched_title"].as_str(), json["results"][0]["matched_kind"].as_str()),
        (Some("RN"), Some("short_title"))
    );
    let html = app.get("/search?q=rn").await.html();
    let first = crate::helpers::text(&select(&html, ".result")[0]);
    assert!(first.contains("Registered Nurses") && first.contains("also called RN"), "{first}");
    let html = app.get("/search?q=registered+nurses").await.html();
    let first = crate::helpers::text(&select(&html, ".result")[0]);
    assert!(!first.contains("also called"), "an own title is not an other name: {first}");
}

#[tokio::test]
async fn the_results_page_shows_kind_zone_score_and_what_matched() {
    let app = spawn_app().await;
    let page = app.get("/search?q=backend+engineer").await;
    page.assert_status(200);
    let html = page.html();
    let first = &select(&html, ".result")[0];
    let text = crate::helpers::text(first);
    assert!(text.contains("Backend/API Developer (Mid-Level)"), "{text}");
    assert!(text.contains("Editor-reviewed role") && text.contains("RED") && text.contains("24.5"), "{text}");
    assert!(text.contains("also called Backend Engineer"), "{text}");
    let html = app.get("/search?q=registered+nurses").await.html();
    assert!(texts(&html, ".result__kind")[0].contains("Occupation, estimated from data"));
    let html = app.get("/search?q=managers+all+other").await.html();
    assert!(texts(&html, ".result__kind")[0].contains("Occupation, no score"));
}

#[tokio::test]
async fn empty_missing_long_and_syntax_heavy_queries_answer_200() {
    let app = spawn_app().await;
    let long = "a".repeat(2000);
    let queries = [
        "",
        "   ",
        &long,
        "\"backend\"",
        "back*",
        "nurse NEAR doctor",
        "a AND b OR c",
        "(((",
        "-developer",
        "title:nurse",
        "\u{0}",
        "'; DROP TABLE roles; --",
        "<script>alert(1)</script>",
        "%",
        "🙂",
        "NOT",
        "^$.*+?{}[]|\\",
    ];
    for q in queries {
        let response =
            app.client.get(format!("{}/search", app.address)).query(&[("q", q)]).send().await.expect("request");
        let status = response.status().as_u16();
        let body = response.text().await.expect("body");
        assert_eq!(status, 200, "{q:?} answered {status}");
        assert!(!body.contains("<script>alert(1)"), "query reflected unescaped");
    }
    let html = app.get("/search?q=zzqxjv").await.html();
    assert!(one(&html, "#no-results").contains("Nothing matched"));
    assert!(!select(&html, ".suggestions a").is_empty());
    assert!(!select(&app.get("/search").await.html(), "#empty-query").is_empty());
}

#[tokio::test]
async fn the_json_api_has_the_documented_shape() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(format!("{}/api/v1/search?q=backend%20engineer&limit=3", app.address))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 200);
    assert!(response.headers()["content-type"].to_str().unwrap_or("").starts_with("application/json"));
    let json: serde_json::Value = response.json().await.expect("json");
    assert_eq!(json["query"], "backend engineer");
    let results = json["results"].as_array().expect("results array");
    assert!(!results.is_empty() && results.len() <= 3);
    let first = &results[0];
    assert_eq!(first["title"], "Backend/API Developer (Mid-Level)");
    assert_eq!(first["kind"], "role");
    assert_eq!(first["url"], "/roles/backend-api-developer-mid-level");
    assert_eq!(first["zone"], "red");
    assert_eq!(first["score"], 24.5);
    assert_eq!(first["matched_title"], "Backend Engineer");
    assert_eq!(first["matched_kind"], "alias");
    let json: serde_json::Value = app.get_json("/api/v1/search?q=registered%20nurse").await;
    let nurse = &json["results"][0];
    // Registered Nurses has a data-derived score, and the API carries it.
    assert_eq!((nurse["kind"].as_str(), nurse["url"].as_str()), (Some("occupation"), Some("/occupations/29-1141.00")));
    assert!(nurse["zone"].is_string() && nurse["score"].is_f64(), "{nurse}");
}

#[tokio::test]
async fn bad_api_parameters_answer_a_problem_details_400() {
    let app = spawn_app().await;
    for q in [
        "limit=5",
        "q=nurse&limit=0",
        "q=nurse&limit=51",
        "q=nurse&limit=ten",
        "q=nurse&limit=-1",
        "q=nurse&limit=1e999",
    ] {
        let response = app.client.get(format!("{}/api/v1/search?{q}", app.address)).send().await.expect("request");
        assert_eq!(response.status().as_u16(), 400, "{q}");
        assert_eq!(response.headers()["content-type"], "application/problem+json", "{q}");
        let json: serde_json::Value = response.json().await.expect("json error body");
        assert!(json["detail"].is_string(), "{q}");
    }
    let response = app.client.get(format!("{}/api/v1/nothing", app.address)).send().await.expect("request");
    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(response.json::<serde_json::Value>().await.expect("json")["status"], 404);
}

#[tokio::test]
async fn every_page_has_a_search_box_that_posts_to_search() {
    let app = spawn_app().await;
    for path in ["/", "/roles", "/methodology", "/roles/backend-api-developer-mid-level", "/nowhere"] {
        let html = app.get(path).await.html();
        assert!(!select(&html, "form[action='/search'] input[name=q]").is_empty(), "{path}");
    }
}
