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
