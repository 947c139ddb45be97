//! Messages with parameters, enum words, units and column headers.
//! Parameters arrive already formatted (see `format.rs`), so these stay pure
//! and testable natively.

use super::{Locale, Msg};
use crate::domain::enterprise::TileGroup;
use crate::domain::validate::Flaw;
use ca_contract::Unit;

fn pick(l: Locale, en: String, it: String) -> String {
    match l {
        Locale::EnUs => en,
        Locale::ItIt => it,
    }
}

/// A unit's word, singular when `one` (the locale's plural rule says so).
pub fn unit_word(l: Locale, unit: Unit, one: bool) -> &'static str {
    use Unit::*;
    match (l, unit, one) {
        (Locale::EnUs, Hours, true) => "hour",
        (Locale::EnUs, Hours, false) => "hours",
        (Locale::EnUs, Credits, true) => "credit",
        (Locale::EnUs, Credits, false) => "credits",
        (Locale::EnUs, Cases, true) => "case",
        (Locale::EnUs, Cases, false) => "cases",
        (Locale::EnUs, Seats, true) => "seat",
        (Locale::EnUs, Seats, false) => "seats",
        (Locale::EnUs, Contacts, true) => "contact",
        (Locale::EnUs, Contacts, false) => "contacts",
        (Locale::EnUs, Assessments, true) => "assessment",
        (Locale::EnUs, Assessments, false) => "assessments",
        (Locale::EnUs, Workshops, true) => "workshop",
        (Locale::EnUs, Workshops, false) => "workshops",
        (Locale::EnUs, Days, true) => "day",
        (Locale::EnUs, Days, false) => "days",
        (Locale::EnUs, Unknown, _) => "units",
        (Locale::ItIt, Hours, true) => "ora",
        (Locale::ItIt, Hours, false) => "ore",
        (Locale::ItIt, Credits, true) => "credito",
        (Locale::ItIt, Credits, false) => "crediti",
        (Locale::ItIt, Cases, true) => "caso",
        (Locale::ItIt, Cases, false) => "casi",
        (Locale::ItIt, Seats, true) => "postazione",
        (Locale::ItIt, Seats, false) => "postazioni",
        (Locale::ItIt, Contacts, true) => "contatto",
        (Locale::ItIt, Contacts, false) => "contatti",
        (Locale::ItIt, Assessments, true) => "valutazione",
        (Locale::ItIt, Assessments, false) => "valutazioni",
        (Locale::ItIt, Workshops, _) => "workshop",
        (Locale::ItIt, Days, true) => "giorno",
        (Locale::ItIt, Days, false) => "giorni",
        (Locale::ItIt, Unknown, _) => "unità",
    }
}

/// The unit as a column header ("Hours", "Credits", ...).
pub fn unit_header(l: Locale, unit: Unit) -> String {
    let w = unit_word(l, unit, false);
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

pub fn group_title(l: Locale, g: TileGroup) -> &'static str {
    l.t(match g {
        TileGroup::IntegratedProactiveServices => Msg::IntegratedProactiveServices,
        TileGroup::SupportAsNeeded => Msg::SupportAsNeeded,
        TileGroup::OnDemandEducation => Msg::OnDemandEducation,
        TileGroup::SupportContacts => Msg::SupportContacts,
        TileGroup::OnDemandAssessments => Msg::OnDemandAssessments,
    })
}

/// "12 of 40 hours consumed": a progress bar's value in words.
pub fn bar_valuetext(l: Locale, consumed: &str, purchased: &str, unit: &str) -> String {
    pick(
        l,
        format!("{consumed} of {purchased} {unit} consumed"),
        format!("{consumed} di {purchased} {unit} consumati"),
    )
}

/// "6 hours over".
pub fn over_text(l: Locale, quantity: &str) -> String {
    pick(
        l,
        format!("{quantity} over"),
        format!("{quantity} in eccesso"),
    )
}

/// "12 of 40 hours" / "12 of 40 hours (As needed)".
pub fn of_text(l: Locale, consumed: &str, purchased: &str) -> String {
    pick(
        l,
        format!("{consumed} of {purchased}"),
        format!("{consumed} di {purchased}"),
    )
}

pub fn expires(l: Locale, date: &str) -> String {
    pick(l, format!("Expires {date}"), format!("Scade il {date}"))
}

pub fn expired(l: Locale, date: &str) -> String {
    pick(l, format!("Expired {date}"), format!("Scaduto il {date}"))
}

/// "N days left" (`one` per the locale's plural rule).
pub fn days_left(l: Locale, n: &str, one: bool) -> String {
    match (l, one) {
        (Locale::EnUs, true) => format!("{n} day left"),
        (Locale::EnUs, false) => format!("{n} days left"),
        (Locale::ItIt, true) => format!("{n} giorno rimanente"),
        (Locale::ItIt, false) => format!("{n} giorni rimanenti"),
    }
}

pub fn runs_out(l: Locale, date: &str) -> String {
    pick(
        l,
        format!("At this pace it runs out on {date}, before it ends."),
        format!("A questo ritmo si esaurisce il {date}, prima della scadenza."),
    )
}

pub fn left_unused(l: Locale, quantity: &str) -> String {
    pick(
        l,
        format!("At this pace {quantity} will be left unused when it ends."),
        format!("A questo ritmo, alla scadenza resteranno inutilizzati {quantity}."),
    )
}

/// "Showing 12 of 40 records" / "40 records".
pub fn record_count(l: Locale, shown: &str, total: &str, filtered: bool, one: bool) -> String {
    match (l, filtered, one) {
        (Locale::EnUs, true, _) => format!("{shown} of {total} records match"),
        (Locale::EnUs, false, true) => format!("{shown} record"),
        (Locale::EnUs, false, false) => format!("{shown} records"),
        (Locale::ItIt, true, _) => format!("{shown} di {total} record corrispondenti"),
        (Locale::ItIt, false, _) => format!("{shown} record"),
    }
}

pub fn advisory_option(l: Locale, n: &str) -> String {
    pick(
        l,
        format!("Advisory support ({n})"),
        format!("Supporto consultivo ({n})"),
    )
}

pub fn problem_resolution_option(l: Locale, n: &str) -> String {
    pick(
        l,
        format!("Problem resolution support ({n})"),
        format!("Risoluzione dei problemi ({n})"),
    )
}

/// "N records of other workspaces are not shown…" (a drilldown under one
/// workspace whose records belong to several).
pub fn other_workspaces_hidden(l: Locale, n: &str, one: bool) -> String {
    match (l, one) {
        (Locale::EnUs, true) => format!("{n} record of another workspace is not shown. Choose All workspaces to see it."),
        (Locale::EnUs, false) => format!("{n} records of other workspaces are not shown. Choose All workspaces to see them."),
        (Locale::ItIt, true) => format!("{n} record di un'altra area di lavoro non è mostrato. Scegli Tutte le aree di lavoro per vederlo."),
        (Locale::ItIt, false) => format!("{n} record di altre aree di lavoro non sono mostrati. Scegli Tutte le aree di lavoro per vederli."),
    }
}

/// "N cases belong to no workspace…" (Additional cases under one workspace).
pub fn cases_without_workspace(l: Locale, n: &str, one: bool) -> String {
    match (l, one) {
        (Locale::EnUs, true) => format!("{n} case belongs to no workspace and is not counted here. All workspaces shows it."),
        (Locale::EnUs, false) => format!("{n} cases belong to no workspace and are not counted here. All workspaces shows them."),
        (Locale::ItIt, true) => format!("{n} caso non appartiene ad alcuna area di lavoro e non è conteggiato qui. Tutte le aree di lavoro lo mostra."),
        (Locale::ItIt, false) => format!("{n} casi non appartengono ad alcuna area di lavoro e non sono conteggiati qui. Tutte le aree di lavoro li mostra."),
    }
}

/// A column's resize handle: "Resize column Title".
pub fn resize_column(l: Locale, header: &str) -> String {
    pick(
        l,
        format!("Resize column {header}"),
        format!("Ridimensiona la colonna {header}"),
    )
}

/// Under a printed grid with more rows than a print holds.
pub fn printed_rows(l: Locale, max: &str, all: &str) -> String {
    pick(
        l,
        format!("Printed: the first {max} of {all} rows. Export the table to have them all."),
        format!("Stampate: le prime {max} di {all} righe. Esporta la tabella per averle tutte."),
    )
}

/// "Preparing proof of delivery: 3 of 12 entitlements".
pub fn progress_text(l: Locale, done: &str, all: &str) -> String {
    pick(
        l,
        format!("{done} of {all} entitlements"),
        format!("{done} di {all} diritti"),
    )
}

pub fn load_failed(l: Locale, what: &str, why: &str) -> String {
    pick(
        l,
        format!("Couldn't load {what}: {why}."),
        format!("Impossibile caricare {what}: {why}."),
    )
}

pub fn http_failed(l: Locale, status: u16, detail: &str) -> String {
    let detail = if detail.is_empty() {
        String::new()
    } else {
        format!(" ({detail})")
    };
    pick(
        l,
        format!("the server answered {status}{detail}"),
        format!("il server ha risposto {status}{detail}"),
    )
}

pub fn timed_out(l: Locale, seconds: u32) -> String {
    pick(
        l,
        format!("the server did not answer within {seconds} seconds"),
        format!("il server non ha risposto entro {seconds} secondi"),
    )
}

pub fn retry_after(l: Locale, seconds: &str) -> String {
    pick(
        l,
        format!("The server asked to retry in {seconds} seconds."),
        format!("Il server ha chiesto di riprovare tra {seconds} secondi."),
    )
}

/// The text alternative of the consumption chart.
pub fn chart_alt(l: Locale, total: &str, first: &str, last: &str, cap: Option<&str>) -> String {
    let cap_en = cap
        .map(|c| format!(" against {c} purchased"))
        .unwrap_or_default();
    let cap_it = cap
        .map(|c| format!(" rispetto a {c} acquistati"))
        .unwrap_or_default();
    pick(
        l,
        format!("Cumulative consumption from {first} to {last}: {total}{cap_en}."),
        format!("Consumo cumulativo dal {first} al {last}: {total}{cap_it}."),
    )
}

pub fn data_as_of(l: Locale, when: &str) -> String {
    pick(
        l,
        format!("Data as of {when}"),
        format!("Dati aggiornati al {when}"),
    )
}

/// One flagged item, in words.
pub fn finding(l: Locale, list: &str, id: &str, flaw: &Flaw) -> String {
    let what = match (l, flaw) {
        (Locale::EnUs, Flaw::NegativeQuantity) => "a negative quantity".to_owned(),
        (Locale::EnUs, Flaw::NotANumber) => "a quantity that is not a number".to_owned(),
        (Locale::EnUs, Flaw::ConsumedOnBenefit) => {
            "consumption on an additional benefit".to_owned()
        }
        (Locale::EnUs, Flaw::EndBeforeStart) => "an end date before its start date".to_owned(),
        (Locale::EnUs, Flaw::BadDate(f)) => format!("a date that cannot be read ({f})"),
        (Locale::EnUs, Flaw::DuplicateId) => "the same id as another item".to_owned(),
        (Locale::EnUs, Flaw::OtherEntitlement) => "records of another entitlement".to_owned(),
        (Locale::EnUs, Flaw::UnknownContract) => "a contract that is not in the data".to_owned(),
        (Locale::EnUs, Flaw::UnknownService) => {
            "a service this page does not know, so it is in no tile".to_owned()
        }
        (Locale::EnUs, Flaw::UnknownUnit) => "a unit this page does not know".to_owned(),
        (Locale::EnUs, Flaw::Unreadable(m)) => format!("a shape the page cannot read ({m})"),
        (Locale::ItIt, Flaw::NegativeQuantity) => "una quantità negativa".to_owned(),
        (Locale::ItIt, Flaw::NotANumber) => "una quantità che non è un numero".to_owned(),
        (Locale::ItIt, Flaw::ConsumedOnBenefit) => "consumo su un vantaggio aggiuntivo".to_owned(),
        (Locale::ItIt, Flaw::EndBeforeStart) => {
            "una data di fine precedente a quella di inizio".to_owned()
        }
        (Locale::ItIt, Flaw::BadDate(f)) => format!("una data non leggibile ({f})"),
        (Locale::ItIt, Flaw::DuplicateId) => "lo stesso id di un altro elemento".to_owned(),
        (Locale::ItIt, Flaw::OtherEntitlement) => "record di un altro diritto".to_owned(),
        (Locale::ItIt, Flaw::UnknownContract) => "un contratto assente dai dati".to_owned(),
        (Locale::ItIt, Flaw::UnknownService) => {
            "un servizio sconosciuto a questa pagina, quindi non è in alcun riquadro".to_owned()
        }
        (Locale::ItIt, Flaw::UnknownUnit) => "un'unità sconosciuta a questa pagina".to_owned(),
        (Locale::ItIt, Flaw::Unreadable(m)) => {
            format!("una forma che la pagina non sa leggere ({m})")
        }
        (Locale::EnUs, Flaw::More(n)) => format!("{n} more items flagged"),
        (Locale::ItIt, Flaw::More(n)) => format!("altri {n} elementi segnalati"),
    };
    pick(
        l,
        format!("{list} {id}: {what}"),
        format!("{list} {id}: {what}"),
    )
}

/// After the flagged items listed: how many more there are.
pub fn and_more(l: Locale, n: &str) -> String {
    pick(l, format!("and {n} more"), format!("e altri {n}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_and_headers() {
        for u in Unit::ALL {
            for l in Locale::ALL {
                assert!(!unit_word(l, *u, true).is_empty());
            }
        }
        assert_eq!(unit_header(Locale::EnUs, Unit::Hours), "Hours");
        assert_eq!(unit_header(Locale::ItIt, Unit::Credits), "Crediti");
        assert_eq!(days_left(Locale::EnUs, "1", true), "1 day left");
        assert_eq!(days_left(Locale::ItIt, "15", false), "15 giorni rimanenti");
    }
}
