//! The subscribers store's guarantees, one suite run against both stores: SQLite (a temporary
//! file) and PostgreSQL (a temporary server, see `support/postgres.rs`). Each case gets a fresh
//! database and may open several connections to it, as several processes would.

#[path = "support/postgres.rs"]
mod postgres;

use jobzone::subscriptions::store::{Location, Store};
use jobzone::subscriptions::{Kind, Snapshot, Target};

/// Hands each case a fresh, empty database.
trait Fresh {
    fn fresh(&self) -> Location;
}

struct Sqlite(tempfile::TempDir, std::sync::atomic::AtomicUsize);

impl Fresh for Sqlite {
    fn fresh(&self) -> Location {
        let n = self.1.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Location::Sqlite(self.0.path().join(format!("s{n}.db")))
    }
}

impl Fresh for postgres::TempPostgres {
    fn fresh(&self) -> Location {
        Location::Postgres(self.database())
    }
}

fn open(at: &Location) -> Store {
    Store::open(at).unwrap_or_else(|e| panic!("the store at {at:?} opens: {e:#}"))
}

fn target() -> Target {
    Target { kind: Kind::Role, id: "t".into() }
}

fn snap(score: f64) -> Snapshot {
    Snapshot {
        title: "Développeur <b>\"API\"</b>".into(),
        url: "/roles/t".into(),
        score,
        zone: "red".into(),
        zone_name: "Red".into(),
        revision_date: "2026-01-01".into(),
        revision_note: "Première note".into(),
    }
}

/// A confirmed follower of [`target`] with a baseline notice of `snap(20.0)`.
fn confirmed(store: &Store, email: &str) -> i64 {
    let sub = store.find_or_insert(email, &target(), 0).expect("subscribe");
    store.set_token_hashes(sub.id, Some(email.as_bytes()), b"u").expect("hashes");
    assert!(store.confirm(sub.id, email.as_bytes(), 1).expect("confirm"));
    store.set_baseline(&target(), &snap(20.0), 1).expect("baseline");
    sub.id
}

fn migrations_bring_a_new_database_to_the_latest_version_and_are_idempotent(at: &Location) {
    let version = open(at).schema_version().expect("version");
    assert!(version >= 1);
    assert_eq!(open(at).schema_version().expect("version"), version, "a second open changes nothing");
}

fn a_subscription_is_one_row_per_address_and_item_and_its_links_work_once(at: &Location) {
    let store = open(at);
    let first = store.find_or_insert("x@example.com", &target(), 5).expect("insert");
    let again = store.find_or_insert("x@example.com", &target(), 6).expect("insert again");
    assert_eq!((first.id, again.created_at, again.confirmed), (again.id, 5, false));
    store.set_token_hashes(first.id, Some(b"c1"), b"u1").expect("hashes");
    store.set_token_hashes(first.id, Some(b"c2"), b"u2").expect("newer hashes");
    assert!(!store.confirm_link_is_live(first.id, b"c1").expect("old link"), "a newer link retires the older");
    assert!(store.confirm_link_is_live(first.id, b"c2").expect("new link"));
    assert!(store.confirm(first.id, b"c2", 7).expect("confirm"));
    assert!(!store.confirm(first.id, b"c2", 8).expect("confirm twice"), "a link confirms once");
    assert!(store.get(first.id).expect("get").is_some_and(|s| s.confirmed));
    assert!(store.by_unsubscribe_link(first.id, b"u1").expect("old").is_none());
    let by_link = store.by_unsubscribe_link(first.id, b"u2").expect("lookup").expect("found");
    assert_eq!(by_link.email, "x@example.com");
    assert_eq!(store.delete(first.id).expect("delete"), 1);
    store.purge_deleted();
    assert!(store.get(first.id).expect("get").is_none());
}

fn deleting_an_address_removes_all_it_follows_and_its_queued_mail(at: &Location) {
    let mut store = open(at);
    confirmed(&store, "gone@example.com");
    let other = Target { kind: Kind::Occupation, id: "15-1252.00".into() };
    store.find_or_insert("gone@example.com", &other, 0).expect("second follow");
    store.record_change(&target(), &snap(20.0), &snap(30.0), 2).expect("record");
    assert_eq!(store.outbox_counts().expect("counts").queued, 1);
    assert_eq!(store.delete_address("gone@example.com").expect("delete"), 2);
    assert_eq!(store.outbox_counts().expect("counts").queued, 0, "queued mail goes with the subscription");
    assert!(store.find("gone@example.com", &other).expect("find").is_none());
}

fn a_change_seen_by_two_processes_at_once_is_recorded_and_queued_once(at: &Location) {
    let (mut a, mut b) = (open(at), open(at));
    confirmed(&a, "x@example.com");
    let told_a = a.notice(&target()).expect("a reads").expect("a notice");
    let told_b = b.notice(&target()).expect("b reads").expect("b notice");
    assert_eq!(told_a, snap(20.0), "a snapshot reads back as written");
    assert_eq!(a.record_change(&target(), &told_a, &snap(30.0), 2).expect("a records"), Some(1));
    assert_eq!(b.record_change(&target(), &told_b, &snap(30.0), 2).expect("b records"), None);
    assert_eq!(a.outbox_counts().expect("counts").queued, 1);
    assert_eq!(b.followed().expect("followed"), [target()]);
}

fn a_claimed_row_is_never_due_again_and_becomes_in_doubt_after_the_lease(at: &Location) {
    let mut store = open(at);
    confirmed(&store, "x@example.com");
    store.record_change(&target(), &snap(20.0), &snap(30.0), 0).expect("record");
    let due = store.due(0, 10).expect("due");
    assert_eq!(due.len(), 1);
    let item = store.outbox_item(due[0]).expect("item").expect("present");
    assert_eq!((item.old.score, item.new.score, item.subscription.email.as_str()), (20.0, 30.0, "x@example.com"));
    assert!(store.claim(due[0], 10).expect("claim"));
    assert!(!store.claim(due[0], 10).expect("second claim"), "a claim is taken once");
    assert!(store.due(100_000, 10).expect("due").is_empty(), "a sending row is never due");
    assert_eq!(store.mark_in_doubt(10 + 60, 900).expect("sweep"), 0, "within the lease");
    assert_eq!(store.mark_in_doubt(10 + 900, 900).expect("sweep"), 1);
    assert_eq!(store.outbox_counts().expect("counts").in_doubt, 1);
}

fn a_retried_row_waits_its_turn_and_sent_and_failed_rows_are_counted(at: &Location) {
    let mut store = open(at);
    confirmed(&store, "a@example.com");
    confirmed(&store, "b@example.com");
    store.record_change(&target(), &snap(20.0), &snap(30.0), 0).expect("record");
    let due = store.due(0, 10).expect("due");
    assert_eq!(due.len(), 2);
    for id in &due {
        assert!(store.claim(*id, 1).expect("claim"));
    }
    store.mark_retry(due[0], 100, "smtp down").expect("retry");
    store.mark_sent(due[1], 2).expect("sent");
    assert!(store.due(99, 10).expect("due").is_empty(), "not before its next attempt");
    assert_eq!(store.due(100, 10).expect("due"), [due[0]]);
    assert!(store.claim(due[0], 100).expect("claim again"));
    assert_eq!(store.outbox_item(due[0]).expect("item").expect("present").attempts, 2);
    store.mark_failed(due[0], "rejected").expect("failed");
    let counts = store.outbox_counts().expect("counts");
    assert_eq!((counts.queued, counts.sending, counts.sent, counts.failed), (0, 0, 1, 1));
}

fn two_senders_claiming_at_once_send_each_row_exactly_once(at: &Location) {
    let mut store = open(at);
    for i in 0..20 {
        confirmed(&store, &format!("r{i}@example.com"));
    }
    store.record_change(&target(), &snap(20.0), &snap(30.0), 0).expect("record");
    let claimed: Vec<Vec<i64>> = std::thread::scope(|s| {
        let senders: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| {
                    let store = open(at);
                    let mut mine = Vec::new();
                    for id in store.due(0, 100).expect("due") {
                        if store.claim(id, 1).expect("claim") {
                            mine.push(id);
                        }
                    }
                    mine
                })
            })
            .collect();
        senders.into_iter().map(|h| h.join().expect("sender")).collect()
    });
    let mut all: Vec<i64> = claimed.concat();
    all.sort_unstable();
    let before = all.len();
    all.dedup();
    assert_eq!((before, all.len()), (20, 20), "every row claimed, none twice");
}

fn confirmation_sends_are_counted_per_key_within_the_hour_and_forgotten_after(at: &Location) {
    let store = open(at);
    store.record_send(&[b"k1", b"k2"], 100).expect("record");
    store.record_send(&[b"k1"], 200).expect("record");
    assert_eq!(store.sends_since(b"k1", 0).expect("count"), 2);
    assert_eq!(store.sends_since(b"k2", 150).expect("count"), 0);
    assert_eq!(store.sends_since(b"k1", 150).expect("count"), 1, "older sends are pruned");
}

/// One case of the suite, run on a fresh database.
type Case = fn(&Location);

/// Every case, by name.
const SUITE: &[(&str, Case)] = &[
    ("migrations", migrations_bring_a_new_database_to_the_latest_version_and_are_idempotent),
    ("links", a_subscription_is_one_row_per_address_and_item_and_its_links_work_once),
    ("delete address", deleting_an_address_removes_all_it_follows_and_its_queued_mail),
    ("change once", a_change_seen_by_two_processes_at_once_is_recorded_and_queued_once),
    ("claim once", a_claimed_row_is_never_due_again_and_becomes_in_doubt_after_the_lease),
    ("retry", a_retried_row_waits_its_turn_and_sent_and_failed_rows_are_counted),
    ("concurrent senders", two_senders_claiming_at_once_send_each_row_exactly_once),
    ("limits", confirmation_sends_are_counted_per_key_within_the_hour_and_forgotten_after),
];

fn run_suite(databases: &dyn Fresh, is_postgres: bool) {
    for (name, case) in SUITE {
        let at = databases.fresh();
        assert_eq!(open(&at).is_postgres(), is_postgres, "{name}: the store under test");
        case(&at);
    }
}

#[test]
fn the_subscription_store_suite_passes_on_sqlite() {
    run_suite(&Sqlite(tempfile::tempdir().expect("tempdir"), Default::default()), false);
}

#[test]
fn the_subscription_store_suite_passes_on_postgresql() {
    if let Some(server) = postgres::TempPostgres::start() {
        run_suite(&server, true);
    }
}
