//! Component tests in a real browser (headless Chromium through
//! chromedriver, `wasm-bindgen-test-runner`): each component is mounted from
//! plain values, with only the components' context (`ui::Ui`), and its DOM
//! and callbacks are checked. Run by `scripts/test.sh`:
//! `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use ca_contract::{ActivityRecord, Package, PackageStatus, SupportRequest, Unit};
use customer_activity::components::alert::ErrorAlert;
use customer_activity::components::data_grid::DataGrid;
use customer_activity::components::package_card::PackageCard;
use customer_activity::components::tile::Tile;
use customer_activity::components::usage_bar::UsageBar;
use customer_activity::domain::enterprise::UnitTotal;
use customer_activity::domain::grid::{columns, ColId, RecordKind, SortDir, SortSpec};
use customer_activity::domain::packages::Expiry;
use customer_activity::domain::usage::Usage;
use customer_activity::i18n::Locale;
use customer_activity::ui::Ui;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the document to mount into.
fn host() -> web_sys::HtmlElement {
    let doc = document();
    let el: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

fn provide_ui() {
    provide_context(Ui {
        locale: RwSignal::new(Locale::EnUs),
        prefix: "t".into(),
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
    });
}

/// Lets effects and the browser run (a timer turn).
async fn settle() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

fn sr(i: usize, title: &str, q: f64) -> ActivityRecord {
    ActivityRecord::SupportRequest(SupportRequest {
        id: format!("sr-{i}"),
        case_number: format!("CN-{i:04}"),
        title: title.into(),
        severity: None,
        status: ca_contract::CaseStatus::Open,
        created_at: format!("2026-0{}-01T10:00:00Z", 1 + i % 9),
        closed_at: None,
        primary_contact: None,
        product: None,
        workspace_id: None,
        url: (i == 1).then(|| "https://example.test/cn-1".to_owned()),
        quantity: q,
    })
}

#[wasm_bindgen_test]
async fn usage_bar_clamps_and_names_its_value() {
    let el = host();
    let h = leptos::mount::mount_to(el.clone(), || {
        provide_ui();
        view! {
            <UsageBar name="Over" usage=Usage::new(46.0, Some(40.0)) valuetext="46 of 40 hours" />
            <UsageBar name="Uncapped" usage=Usage::new(5.0, None) valuetext="5 hours" />
        }
    });
    settle().await;
    let bars = el.query_selector_all("[role=progressbar]").unwrap();
    assert_eq!(bars.length(), 1, "no bar without a cap");
    let bar: web_sys::Element = bars.get(0).unwrap().unchecked_into();
    assert_eq!(bar.get_attribute("aria-label").as_deref(), Some("Over"));
    assert_eq!(bar.get_attribute("aria-valuemax").as_deref(), Some("40"));
    assert_eq!(
        bar.get_attribute("aria-valuenow").as_deref(),
        Some("40"),
        "clamped"
    );
    assert_eq!(
        bar.get_attribute("aria-valuetext").as_deref(),
        Some("46 of 40 hours")
    );
    assert!(bar.class_name().contains("usage-bar--over"));
    drop(h);
}

#[wasm_bindgen_test]
async fn tile_shows_title_subtitle_and_as_needed() {
    let el = host();
    let h = leptos::mount::mount_to(el.clone(), || {
        provide_ui();
        view! {
            <Tile
                title="Support As Needed"
                subtitle=Some("(Advisory and Reactive Support)".to_owned())
                href="/customer-activity/tiles/support-as-needed".to_owned()
                totals=vec![
                    UnitTotal {
                        unit: Unit::Hours,
                        usage: Usage::new(12.5, None),
                    },
                ]
                delivered_hours=None
            />
        }
    });
    settle().await;
    let a = el
        .query_selector("a.tile")
        .unwrap()
        .expect("the tile is a link");
    let text = a.text_content().unwrap();
    assert!(text.starts_with("Support As Needed"), "{text}");
    assert!(text.contains("(Advisory and Reactive Support)"), "{text}");
    assert!(text.contains("As needed"), "{text}");
    assert!(
        !text.contains("Remaining"),
        "an uncapped total has no remaining: {text}"
    );
    assert!(a
        .get_attribute("href")
        .unwrap()
        .ends_with("/tiles/support-as-needed"));
    drop(h);
}

#[wasm_bindgen_test]
async fn package_card_says_ends_today() {
    let el = host();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let h = leptos::mount::mount_to(el.clone(), move || {
        provide_ui();
        let p = Package {
            id: "k".into(),
            contract_id: "c".into(),
            name: "Azure Security Enhanced Support".into(),
            number: Some("PKG-1".into()),
            status: PackageStatus::Active,
            start_date: "2026-01-01".into(),
            end_date: "2026-11-27".into(),
        };
        view! {
            <PackageCard
                package=p
                expiry=Expiry::Expires {
                    date: today,
                    days_left: Some(0),
                }
                services=vec![]
                benefits=vec![]
            />
        }
    });
    settle().await;
    let article = el.query_selector("article").unwrap().expect("an article");
    let text = article.text_content().unwrap();
    assert!(text.contains("Azure Security Enhanced Support"), "{text}");
    assert!(text.contains("Ends today"), "{text}");
    drop(h);
}

#[wasm_bindgen_test]
async fn error_alert_retries() {
    let el = host();
    let retried = RwSignal::new(0);
    let h = leptos::mount::mount_to(el.clone(), move || {
        provide_ui();
        view! {
            <ErrorAlert
                text="Couldn't load the records: the network."
                on_retry=Callback::new(move |_| retried.update(|n| *n += 1))
            />
        }
    });
    settle().await;
    let alert = el
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert");
    assert!(alert
        .text_content()
        .unwrap()
        .contains("Couldn't load the records"));
    let button: web_sys::HtmlElement = alert
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(button.text_content().unwrap().trim(), "Retry");
    button.click();
    settle().await;
    assert_eq!(retried.get_untracked(), 1);
    drop(h);
}

fn grid_rows(el: &web_sys::HtmlElement) -> Vec<String> {
    let rows = el.query_selector_all("tbody tr:not(.spacer)").unwrap();
    (0..rows.length())
        .map(|i| rows.get(i).unwrap().text_content().unwrap_or_default())
        .filter(|t| !t.trim().is_empty())
        .collect()
}

#[wasm_bindgen_test]
async fn data_grid_sorts_filters_and_windows() {
    let el = host();
    let sort = RwSignal::new(None::<SortSpec>);
    let q = RwSignal::new(String::new());
    let asked = RwSignal::new(None::<SortSpec>);
    let rows: Vec<ActivityRecord> = (0..1000)
        .map(|i| {
            sr(
                i,
                if i == 7 {
                    "Zeta outage"
                } else {
                    "Alpha latency"
                },
                (i % 10) as f64,
            )
        })
        .collect();
    let rows = Arc::new(rows);
    let h = leptos::mount::mount_to(el.clone(), move || {
        provide_ui();
        view! {
            <DataGrid
                label="Consumption details"
                rows=rows
                columns=columns(RecordKind::SupportRequest).to_vec()
                sort=sort
                on_sort=Callback::new(move |s: SortSpec| {
                    asked.set(Some(s));
                    sort.set(Some(s));
                })
                query=q
                on_query=Callback::new(move |v: String| q.set(v))
            />
        }
    });
    settle().await;
    // Windowed: far fewer rows in the DOM than records.
    let drawn = grid_rows(&el).len();
    assert!(drawn > 5 && drawn < 60, "{drawn} rows drawn of 1000");
    let count = el.query_selector(".grid-count").unwrap().unwrap();
    assert_eq!(count.text_content().unwrap(), "1,000 records");

    // A header click asks the page for the sort; the page's sort orders the rows.
    let header: web_sys::HtmlElement = el
        .query_selector("th:nth-child(1) button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    header.click();
    settle().await;
    assert_eq!(
        asked.get_untracked(),
        Some(SortSpec {
            col: ColId::CaseNumber,
            dir: SortDir::Asc
        })
    );
    let th = el.query_selector("th:nth-child(1)").unwrap().unwrap();
    assert_eq!(th.get_attribute("aria-sort").as_deref(), Some("ascending"));
    sort.set(Some(SortSpec {
        col: ColId::CaseNumber,
        dir: SortDir::Desc,
    }));
    settle().await;
    assert!(
        grid_rows(&el)[0].starts_with("CN-0999"),
        "{:?}",
        &grid_rows(&el)[0]
    );

    // The filter text narrows the rows and the count says so.
    let input: web_sys::HtmlInputElement = el
        .query_selector("input[type=search]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value("zeta");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(q.get_untracked(), "zeta", "typing calls back");
    // The search index is built in steps: wait until it answers.
    for _ in 0..50 {
        if grid_rows(&el).len() == 1 {
            break;
        }
        settle().await;
    }
    let shown = grid_rows(&el);
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(shown[0].contains("Zeta outage"));
    assert_eq!(count.text_content().unwrap(), "1 of 1,000 records match");
    drop(h);
}

#[wasm_bindgen_test]
async fn data_grid_links_only_http_urls() {
    let el = host();
    let rows = Arc::new(vec![sr(1, "linked", 1.0), sr(2, "plain", 1.0)]);
    let h = leptos::mount::mount_to(el.clone(), move || {
        provide_ui();
        view! {
            <DataGrid
                label="Cases"
                rows=rows
                columns=columns(RecordKind::SupportRequest).to_vec()
                sort=Signal::derive(|| None)
                on_sort=Callback::new(|_| {})
                query=Signal::derive(String::new)
                on_query=Callback::new(|_| {})
            />
        }
    });
    settle().await;
    let links = el.query_selector_all("tbody a[href]").unwrap();
    assert_eq!(links.length(), 1);
    let a: web_sys::Element = links.get(0).unwrap().unchecked_into();
    assert_eq!(
        a.get_attribute("href").as_deref(),
        Some("https://example.test/cn-1")
    );
    assert_eq!(a.text_content().as_deref(), Some("CN-0001"));
    drop(h);
}
