//! Column headers and the words for the contract's enum values.

use super::Locale;
use crate::domain::grid::ColId;

/// A column's header (the quantity column is headed by the unit instead).
pub fn column_header(l: Locale, c: ColId) -> &'static str {
    use ColId::*;
    let (en, it) = match c {
        CaseNumber => ("Case number", "Numero del caso"),
        Title => ("Title", "Titolo"),
        Severity => ("Severity", "Gravità"),
        Status => ("Status", "Stato"),
        Created => ("Created", "Data di creazione"),
        Closed => ("Closed", "Data di chiusura"),
        PrimaryContact => ("Primary contact", "Contatto principale"),
        Product => ("Product", "Prodotto"),
        ServiceName => ("Service", "Servizio"),
        DeliveryType => ("Delivery type", "Tipo di erogazione"),
        StartDate => ("Start date", "Data di inizio"),
        EndDate => ("End date", "Data di fine"),
        DeliveredHours => ("Delivered hours", "Ore consegnate"),
        Resource => ("Delivered by", "Erogato da"),
        Learner => ("Learner name", "Nome dello studente"),
        LearnerEmail => ("Learner email", "Email dello studente"),
        Activity => ("Activity", "Attività"),
        ActivityType => ("Activity type", "Tipo di attività"),
        Started => ("Started", "Iniziata il"),
        Completed => ("Completed", "Completata il"),
        Hours => ("Hours", "Ore"),
        Name => ("Name", "Nome"),
        Email => ("Email", "Email"),
        Role => ("Role", "Ruolo"),
        Added => ("Added", "Aggiunto il"),
        Assessment => ("Assessment", "Valutazione"),
        Technology => ("Technology", "Tecnologia"),
        SetupDate => ("Set up", "Configurata il"),
        LastCollected => ("Last collected", "Ultima raccolta"),
        LogAnalytics => ("Log Analytics workspace", "Area di lavoro Log Analytics"),
        Reason => ("Reason", "Motivo"),
        Classification => ("Classification", "Classificazione"),
        ContractNumber => ("Contract", "Contratto"),
        Quantity => ("Quantity", "Quantità"),
        EngagementId => ("Engagement ID", "ID engagement"),
        Workspace => ("Workspace", "Area di lavoro"),
        RecordId => ("ID", "ID"),
        Url => ("Link", "Collegamento"),
    };
    match l {
        Locale::EnUs => en,
        Locale::ItIt => it,
    }
}

/// The words for a contract enum's wire value (statuses, types, reasons,
/// classifications); an unknown value reads "Unknown".
pub fn enum_label(l: Locale, wire: &str) -> &'static str {
    let (en, it) = match wire {
        "critical" => ("Critical", "Critica"),
        "a" => ("A", "A"),
        "b" => ("B", "B"),
        "c" => ("C", "C"),
        "open" => ("Open", "Aperto"),
        "closed" => ("Closed", "Chiuso"),
        "workshop" => ("Workshop", "Workshop"),
        "assessment" => ("Assessment", "Valutazione"),
        "dse" => (
            "Designated Support Engineering",
            "Designated Support Engineering",
        ),
        "webcast" => ("Webcast", "Webcast"),
        "remediation" => ("Remediation", "Correzione"),
        "custom" => ("Custom", "Personalizzato"),
        "scheduled" => ("Scheduled", "Pianificato"),
        "inProgress" => ("In progress", "In corso"),
        "delivered" => ("Delivered", "Erogato"),
        "cancelled" => ("Cancelled", "Annullato"),
        "course" => ("Course", "Corso"),
        "learningPath" => ("Learning path", "Percorso di apprendimento"),
        "lab" => ("Lab", "Laboratorio"),
        "started" => ("Started", "Iniziato"),
        "completed" => ("Completed", "Completato"),
        "supportContact" => ("Support contact", "Contatto di supporto"),
        "primaryContact" => ("Primary contact", "Contatto principale"),
        "billingContact" => ("Billing contact", "Contatto di fatturazione"),
        "active" => ("Active", "Attivo"),
        "invited" => ("Invited", "Invitato"),
        "inactive" => ("Inactive", "Inattivo"),
        "settingUp" => ("Setting up", "In configurazione"),
        "expiredContract" => ("Expired contract", "Contratto scaduto"),
        "unmappedContract" => (
            "Contract not mapped to this workspace",
            "Contratto non mappato a questa area di lavoro",
        ),
        "missingContract" => ("Missing contract", "Contratto mancante"),
        "missingPackage" => ("Missing package", "Pacchetto mancante"),
        "missingService" => ("Missing service", "Servizio mancante"),
        "classified" => ("Classified case", "Caso classificato"),
        // A case that belongs to no workspace (the Workspace column).
        "noWorkspace" => ("None", "Nessuna"),
        "SU" => ("SU: Support Assistance", "SU: Assistenza di supporto"),
        "DSA" => (
            "DSA: Developer Support Assistance",
            "DSA: Assistenza di supporto allo sviluppo",
        ),
        "X85" => (
            "X85: Support Technology Advisor",
            "X85: Consulente di supporto tecnologico",
        ),
        "REC" => (
            "REC: Reactive Enabled Contacts",
            "REC: Contatti abilitati reattivi",
        ),
        _ => ("Unknown", "Sconosciuto"),
    };
    match l {
        Locale::EnUs => en,
        Locale::ItIt => it,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ca_contract::*;

    #[test]
    fn every_enum_value_has_words() {
        let wires: Vec<&str> = [
            Severity::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>(),
            CaseStatus::ALL.iter().map(|v| v.as_str()).collect(),
            DeliveryType::ALL.iter().map(|v| v.as_str()).collect(),
            DeliveryStatus::ALL.iter().map(|v| v.as_str()).collect(),
            ActivityType::ALL.iter().map(|v| v.as_str()).collect(),
            EducationStatus::ALL.iter().map(|v| v.as_str()).collect(),
            ContactRole::ALL.iter().map(|v| v.as_str()).collect(),
            ContactStatus::ALL.iter().map(|v| v.as_str()).collect(),
            AssessmentStatus::ALL.iter().map(|v| v.as_str()).collect(),
            CaseReason::ALL.iter().map(|v| v.as_str()).collect(),
            Classification::ALL.iter().map(|v| v.as_str()).collect(),
        ]
        .concat();
        for w in wires {
            for l in Locale::ALL {
                assert_ne!(
                    enum_label(l, w),
                    enum_label(l, "no such value"),
                    "{w} in {l:?}"
                );
            }
        }
    }
}

/// The Needs attention region's heading: "Needs attention (4)", or without
/// the count while the document loads.
pub fn attention_heading(l: Locale, count: Option<&str>) -> String {
    let title = l.t(super::Msg::NeedsAttention);
    match count {
        Some(n) => format!("{title} ({n})"),
        None => title.to_owned(),
    }
}

/// A Needs attention item's severity in words (its icon is hidden from
/// assistive technology, its colour never the only sign).
pub fn attention_severity(l: Locale, s: crate::domain::attention::Severity) -> &'static str {
    use crate::domain::attention::Severity;
    l.t(match s {
        Severity::Urgent => super::Msg::SeverityUrgent,
        Severity::Warning => super::Msg::SeverityWarning,
    })
}

/// "3 workshops unused, 15 days left" / "…, ends today". `quantity` is the
/// amount with its unit word; `days_left` is "15 days left" or `None` for
/// today. Italian agrees "unused" with the unit's gender and number.
pub fn unused_text(
    l: Locale,
    quantity: &str,
    unit: ca_contract::Unit,
    one: bool,
    days_left: Option<&str>,
) -> String {
    use ca_contract::Unit::*;
    match l {
        Locale::EnUs => format!("{quantity} unused, {}", days_left.unwrap_or("ends today")),
        Locale::ItIt => {
            let feminine = matches!(unit, Hours | Seats | Assessments | Unknown);
            let adj = match (feminine, one) {
                (true, true) => "inutilizzata",
                (true, false) => "inutilizzate",
                (false, true) => "inutilizzato",
                (false, false) => "inutilizzati",
            };
            format!("{quantity} {adj}, {}", days_left.unwrap_or("scade oggi"))
        }
    }
}

/// "runs out on 12 Mar 2027".
pub fn runs_out_on(l: Locale, date: &str) -> String {
    match l {
        Locale::EnUs => format!("runs out on {date}"),
        Locale::ItIt => format!("si esaurisce il {date}"),
    }
}

#[cfg(test)]
mod attention_words_tests {
    use super::*;
    use crate::domain::attention::Severity;
    use ca_contract::Unit;

    #[test]
    fn attention_sentences_in_both_languages() {
        let (en, it) = (Locale::EnUs, Locale::ItIt);
        assert_eq!(attention_heading(en, Some("4")), "Needs attention (4)");
        assert_eq!(attention_heading(it, Some("4")), "Richiede attenzione (4)");
        assert_eq!(attention_heading(en, None), "Needs attention");
        assert_eq!(
            unused_text(
                en,
                "3 workshops",
                Unit::Workshops,
                false,
                Some("15 days left")
            ),
            "3 workshops unused, 15 days left"
        );
        assert_eq!(
            unused_text(en, "1 hour", Unit::Hours, true, None),
            "1 hour unused, ends today"
        );
        assert_eq!(
            unused_text(
                it,
                "3 workshop",
                Unit::Workshops,
                false,
                Some("15 giorni rimanenti")
            ),
            "3 workshop inutilizzati, 15 giorni rimanenti"
        );
        assert_eq!(
            unused_text(it, "1 ora", Unit::Hours, true, None),
            "1 ora inutilizzata, scade oggi"
        );
        assert_eq!(
            unused_text(it, "60 postazioni", Unit::Seats, false, None),
            "60 postazioni inutilizzate, scade oggi"
        );
        assert_eq!(
            unused_text(it, "1 credito", Unit::Credits, true, None),
            "1 credito inutilizzato, scade oggi"
        );
        assert_eq!(runs_out_on(it, "3 mar 2027"), "si esaurisce il 3 mar 2027");
        assert_ne!(
            attention_severity(en, Severity::Urgent),
            attention_severity(en, Severity::Warning)
        );
        assert_eq!(attention_severity(it, Severity::Urgent), "Urgente");
    }
}
