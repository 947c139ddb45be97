//! The region "Needs attention" in each state: loading, nothing to act on,
//! one item, many (each kind, both severities), and long names.

use super::page::{Section, State};
use crate::components::attention_list::{AttentionItem, AttentionList};
use crate::context::Ctx;
use crate::domain::attention::Reason;
use crate::i18n;
use ca_contract::Unit;
use chrono::NaiveDate;
use leptos::prelude::*;

/// (name, context, reason, unit) of a fixture item.
type Row = (&'static str, &'static str, Reason, Unit);

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

fn over(amount: f64) -> Reason {
    Reason::Over { amount }
}

fn unused(amount: f64, days_left: i64) -> Reason {
    Reason::Unused { amount, days_left }
}

/// The items of `rows`, their reasons in the current language.
fn items(rows: Vec<Row>) -> Signal<Option<Vec<AttentionItem>>> {
    let l = Ctx::get().locale;
    Signal::derive(move || {
        let l = l.get();
        Some(
            rows.iter()
                .enumerate()
                .map(|(n, (name, context, reason, unit))| AttentionItem {
                    name: (*name).to_owned(),
                    context: (*context).to_owned(),
                    href: format!("/customer-activity/entitlements/gallery-{n}"),
                    reason: i18n::attention_reason(l, reason, *unit),
                    severity: reason.severity(),
                })
                .collect(),
        )
    })
}

#[component]
pub fn Attention() -> impl IntoView {
    let unified = "U-4827153 – Contoso Italia – Unified Enterprise";
    let many: Vec<Row> = vec![
        (
            "Problem Resolution Support",
            unified,
            over(6.5),
            Unit::Hours,
        ),
        (
            "Developer DSE",
            "Developer Support Plus · U-4827153",
            over(1.0),
            Unit::Days,
        ),
        (
            "Copilot learning seats",
            "Microsoft 365 Adoption Accelerator · U-4827153",
            unused(60.0, 0),
            Unit::Seats,
        ),
        (
            "Microsoft Defender Assessment",
            "Azure Security Enhanced Support · U-4827153",
            unused(1.0, 1),
            Unit::Assessments,
        ),
        ("WorkshopPLUS", unified, unused(3.0, 15), Unit::Workshops),
        (
            "Proactive Credits",
            unified,
            Reason::RunsOut {
                date: date(2027, 3, 12),
            },
            Unit::Credits,
        ),
    ];
    let long: Vec<Row> = vec![
        (
            "Azure Landing Zone Governance and Security Posture Remediation Engagement Hours (Enterprise Agreement Extension)",
            "Contoso Group – Unified Shared Services for Retail, Manufacturing and Public Sector Subsidiaries · U-1234567",
            over(1234.75),
            Unit::Hours,
        ),
        (
            "Supercalifragilisticexpialidocious-Modernisation-Accelerator-Workshops",
            unified,
            Reason::RunsOut { date: date(2027, 1, 5) },
            Unit::Workshops,
        ),
    ];
    view! {
        <Section id="attention">
            <State name="attention-loading" title="Loading">
                <AttentionList items=Signal::derive(|| None) />
            </State>
            <State name="attention-none" title="Nothing to act on">
                <AttentionList items=items(vec![]) />
            </State>
            <State name="attention-one" title="One item">
                <AttentionList items=items(
                    vec![("Problem Resolution Support", unified, over(6.5), Unit::Hours)],
                ) />
            </State>
            <State name="attention-many" title="Many: over-consumed, ending unused, running out">
                <AttentionList items=items(many) />
            </State>
            <State name="attention-long-names" title="Long names">
                <AttentionList items=items(long) />
            </State>
        </Section>
    }
}
