//! The static messages, en-US and it-IT. The Italian follows the wording of
//! the Services Hub product page (Attività del cliente, Pacchetti a livello
//! aziendale, Vantaggi aggiuntivi, ...).

use super::Locale;

macro_rules! messages {
    ($($key:ident => $en:literal, $it:literal;)+) => {
        /// A static message key.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($key,)+ }

        impl Msg {
            /// Every key, for the completeness test.
            #[cfg(test)]
            pub const ALL: &'static [Msg] = &[$(Msg::$key,)+];
        }

        pub(super) fn text(locale: Locale, m: Msg) -> &'static str {
            match locale {
                Locale::EnUs => match m { $(Msg::$key => $en,)+ },
                Locale::ItIt => match m { $(Msg::$key => $it,)+ },
            }
        }
    };
}

messages! {
    ServicesHub => "Services Hub", "Services Hub";
    MainNav => "Main", "Principale";
    SkipToContent => "Skip to main content", "Vai al contenuto principale";
    Manage => "Manage", "Gestione";
    NoPagesAvailable => "No pages available to you", "Nessuna pagina disponibile";
    CustomerActivity => "Customer Activity", "Attività del cliente";
    Language => "Language", "Lingua";
    Loading => "Loading…", "Caricamento…";
    LoadingMoreRecords => "Showing the first records while the rest load…", "Vengono mostrati i primi record mentre si caricano gli altri…";
    Retry => "Retry", "Riprova";
    NoAccessTitle => "You don't have access to Customer Activity", "Non hai accesso ad Attività del cliente";
    NoAccessBody => "Customer Admins and Workspace Admins see this page by default. To see it, ask an administrator to grant you the Customer Activity role on the Manage Users page.",
        "Per impostazione predefinita, gli Amministratori dei Clienti e dell'Area di lavoro hanno accesso a questa pagina. Per visualizzarla, chiedi a un amministratore di concederti il ruolo Attività del cliente nella pagina Gestisci utenti.";
    SignedOutTitle => "You are signed out", "Sei disconnesso";
    SignedOutBody => "Your session has ended. Sign in to Services Hub again to see Customer Activity.",
        "La sessione è terminata. Accedi di nuovo a Services Hub per visualizzare Attività del cliente.";
    Home => "Home", "Home";
    HomeIntro => "Customer Activity shows what you bought under your support contracts and what has been delivered. Open it from the Manage menu.",
        "Attività del cliente mostra ciò che hai acquistato con i contratti di supporto e ciò che è stato fornito. Aprila dal menu Gestione.";
    Workspace => "Workspace", "Area di lavoro";
    AllWorkspaces => "All workspaces", "Tutte le aree di lavoro";
    NonAdminNote => "Support request figures include only the support requests you have access to.",
        "I dati delle richieste di supporto includono solo le richieste di supporto a cui hai accesso.";
    EnterprisePackages => "Enterprise-level packages", "Pacchetti a livello aziendale";
    Contract => "Contract", "Contratto";
    AllActiveContracts => "All active contracts", "Tutti i contratti attivi";
    ActiveContracts => "Active contracts", "Contratti attivi";
    Number => "Number", "Numero";
    Name => "Name", "Nome";
    StartDate => "Start date", "Data di inizio";
    EndDate => "End date", "Data di fine";
    NoActiveContracts => "There are no active contracts in this view.", "Non ci sono contratti attivi in questa visualizzazione.";
    NoEnterpriseEntitlements => "No enterprise-level entitlements in this view.", "Nessun diritto a livello aziendale in questa visualizzazione.";
    IntegratedProactiveServices => "Integrated Proactive Services", "Servizi proattivi integrati";
    SupportAsNeeded => "Support As Needed", "Supporto se necessario";
    OnDemandEducation => "On-demand Education", "Istruzione su richiesta";
    SupportContacts => "Support Contacts", "Contatti di supporto";
    OnDemandAssessments => "On-demand Assessments", "Valutazioni on demand";
    Consumed => "Consumed", "Consumato";
    Purchased => "Purchased", "Acquistato";
    Remaining => "Remaining", "Rimanente";
    AsNeeded => "As needed", "Se necessario";
    DeliveredHours => "Delivered hours", "Ore consegnate";
    AddonPackages => "Add-on packages", "Pacchetti di componenti aggiuntivi";
    Package => "Package", "Pacchetto";
    AllPackages => "All packages", "Tutti i pacchetti";
    PackageStatus => "Package status", "Stato del pacchetto";
    StatusAll => "All", "Tutti";
    StatusActive => "Active", "Attivi";
    StatusInactive => "Inactive", "Inattivi";
    PackageNumber => "Package number", "Numero del pacchetto";
    EndsToday => "Ends today", "Scade oggi";
    ConsumptionServices => "Consumption services", "Servizi a consumo";
    AdditionalBenefits => "Additional benefits", "Vantaggi aggiuntivi";
    NoPackagesForContract => "This contract has no add-on packages.", "Questo contratto non ha pacchetti di componenti aggiuntivi.";
    NoPackageMatches => "No package matches these filters.", "Nessun pacchetto corrisponde a questi filtri.";
    NoContractsInView => "There are no contracts in this view.", "Non ci sono contratti in questa visualizzazione.";
    NoConsumptionServices => "No consumption services in this package.", "Nessun servizio a consumo in questo pacchetto.";
    FullyConsumed => "Fully consumed", "Completamente consumato";
    AdditionalCases => "Additional cases", "Casi aggiuntivi";
    AdditionalCasesIntro => "Advisory and problem resolution cases that no entitlement of this view accounts for: cases of an expired or unmapped contract, of a missing contract, package or service, and classified cases.",
        "Casi di Supporto consultivo o di Risoluzione dei problemi non associati a un diritto di questa visualizzazione: casi di un contratto scaduto o non mappato, di un contratto, pacchetto o servizio mancante, e casi classificati.";
    BackToCustomerActivity => "Back to Customer Activity", "Torna ad Attività del cliente";
    Entitlements => "Entitlements", "Diritti";
    Entitlement => "Entitlement", "Diritto";
    Unit => "Unit", "Unità";
    NoEntitlementsInGroup => "No entitlements of this group in this view.", "Nessun diritto di questo gruppo in questa visualizzazione.";
    UnknownGroup => "There is no such tile.", "Questo riquadro non esiste.";
    TotalConsumption => "Total consumption", "Consumo totale";
    Description => "Description", "Descrizione";
    ConsumptionOverTime => "Consumption over time", "Consumo nel tempo";
    ConsumptionDetails => "Consumption details", "Dettagli del consumo";
    FilterRows => "Filter rows", "Filtra righe";
    NoRecords => "No records.", "Nessun record.";
    NoMatchingRecords => "No records match the filter.", "Nessun record corrisponde al filtro.";
    ExportTrainingReport => "Export training report", "Esporta il report di formazione";
    EntitlementNotFound => "Entitlement not found", "Diritto non trovato";
    EntitlementNotFoundBody => "This entitlement does not exist or is not in your workspaces.", "Questo diritto non esiste o non appartiene alle tue aree di lavoro.";
    EntitlementForbidden => "You don't have access to this entitlement", "Non hai accesso a questo diritto";
    EntitlementForbiddenBody => "Ask an administrator for access to its workspace.", "Chiedi a un amministratore l'accesso alla sua area di lavoro.";
    ConsumptionService => "Consumption service", "Servizio a consumo";
    Cases => "Cases", "Casi";
    DataIssues => "Some data could not be shown as sent", "Alcuni dati non possono essere mostrati come inviati";
    DataIssuesBody => "These items were flagged; the figures above leave out nothing else.", "Questi elementi sono stati segnalati; i dati sopra non escludono nient'altro.";
    WhatFailedProfile => "your profile", "il tuo profilo";
    WhatFailedActivity => "the customer activity", "l'attività del cliente";
    WhatFailedRecords => "the consumption details", "i dettagli del consumo";
    WhatFailedPart => "this part of the page", "questa parte della pagina";
    WhatFailedCases => "the additional cases", "i casi aggiuntivi";
    WhyNetwork => "the network request failed", "la richiesta di rete non è riuscita";
    WhyDecode => "the answer was not in the expected format", "la risposta non era nel formato previsto";
    ProofOfDelivery => "Proof of delivery (CPOD)", "Prova di consegna (CPOD)";
    DownloadCsv => "Download CSV", "Scarica CSV";
    PrintView => "Print view", "Visualizzazione di stampa";
    Print => "Print", "Stampa";
    GeneratedAt => "Data as of", "Dati aggiornati al";
    Export => "Export", "Esporta";
    DownloadExcel => "Download Excel", "Scarica Excel";
    DateFrom => "From", "Dal";
    DateTo => "To", "Al";
    DateRange => "Date range", "Intervallo di date";
    ClearDates => "Clear dates", "Cancella date";
    InRange => "In range", "Nell'intervallo";
    RangeReversed => "From is after To: no record can fall in this range.",
        "La data Dal è successiva alla data Al: nessun record può rientrare nell'intervallo.";
    PreparingProofOfDelivery => "Preparing proof of delivery", "Preparazione della prova di consegna";
    Cancel => "Cancel", "Annulla";
    WhatFailedProofOfDelivery => "the records for the proof of delivery", "i record per la prova di consegna";
    SummarySheet => "Summary", "Riepilogo";
    SupportAsNeededSubtitle => "(Advisory and Reactive Support)", "(Supporto Consultivo e Reattivo)";
    MoreInfo => "More information", "Altre informazioni";
    DeliveredHoursHelp => "Delivered hours are the hours of proactive services delivered, counted as the Risk Management guidance (Gestione dei rischi) defines them; they can differ from the units consumed.",
        "Le ore consegnate sono le ore dei servizi proattivi erogati, conteggiate secondo le indicazioni di Gestione dei rischi; possono differire dalle unità consumate.";
    AsNeededHelp => "As needed: the contract sets no cap on this service; you are billed for what is used. Nothing is shown as remaining.",
        "Se necessario: il contratto non prevede un limite per questo servizio; viene fatturato ciò che si usa. Non viene mostrata alcuna quantità rimanente.";
    UnitsHelp => "Each service is counted in its own unit (hours, credits, workshops, seats...). Figures in different units are never added together.",
        "Ogni servizio è conteggiato nella propria unità (ore, crediti, workshop, posti...). Le quantità in unità diverse non vengono mai sommate.";
    NonAdminHelp => "Administrators see every support request of the workspace. Your figures count only the requests you can open, so they can be lower than an administrator's.",
        "Gli amministratori vedono tutte le richieste di supporto dell'area di lavoro. I tuoi dati contano solo le richieste che puoi aprire, quindi possono essere inferiori a quelli di un amministratore.";
    ProofOfDeliveryHelp => "The Customer Proof of Delivery (CPOD): what was purchased and delivered under each contract, package and entitlement of this view.",
        "La Customer Proof of Delivery (CPOD): ciò che è stato acquistato ed erogato per ogni contratto, pacchetto e diritto di questa visualizzazione.";
    ManageUsers => "Open Manage Users", "Apri Gestisci utenti";
    ColumnDelivered => "Delivered hours", "Ore consegnate";
    Ends => "Ends", "Scadenza";
    Close => "Close", "Chiudi";
    Theme => "Theme", "Tema";
    ThemeLight => "Light", "Chiaro";
    ThemeDark => "Dark", "Scuro";
    Unknown => "Unknown", "Sconosciuto";
    Action => "Action", "Azione";
    Persona => "Demo user", "Utente demo";
    Forecast => "Forecast", "Previsione";
    ConsumedToDate => "Consumed to date", "Consumato finora";
    PageNotFound => "Page not found", "Pagina non trovata";
    ChartNoData => "No dated consumption to chart yet.", "Ancora nessun consumo datato da rappresentare.";
    NeedsAttention => "Needs attention", "Richiede attenzione";
    NothingNeedsAttention => "Nothing needs attention", "Niente richiede attenzione";
    SeverityUrgent => "Urgent", "Urgente";
    SeverityWarning => "Warning", "Avviso";
    WhyTooLarge => "the answer was too large", "la risposta era troppo grande";
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fails when a key is missing or empty in either locale (a missing arm
    /// does not compile; an empty or untranslated one is caught here).
    #[test]
    fn every_key_has_both_locales() {
        let same_ok = [Msg::ServicesHub, Msg::Home];
        for m in Msg::ALL {
            let (en, it) = (Locale::EnUs.t(*m), Locale::ItIt.t(*m));
            assert!(!en.trim().is_empty(), "{m:?} en-US is empty");
            assert!(!it.trim().is_empty(), "{m:?} it-IT is empty");
            if !same_ok.contains(m) {
                assert_ne!(en, it, "{m:?} is not translated");
            }
        }
    }

    #[test]
    fn italian_follows_the_seed() {
        let it = |m| Locale::ItIt.t(m);
        assert_eq!(it(Msg::CustomerActivity), "Attività del cliente");
        assert_eq!(it(Msg::Workspace), "Area di lavoro");
        assert_eq!(it(Msg::EnterprisePackages), "Pacchetti a livello aziendale");
        assert_eq!(it(Msg::AddonPackages), "Pacchetti di componenti aggiuntivi");
        assert_eq!(it(Msg::ActiveContracts), "Contratti attivi");
        assert_eq!(it(Msg::AdditionalBenefits), "Vantaggi aggiuntivi");
        assert_eq!(it(Msg::AdditionalCases), "Casi aggiuntivi");
        assert_eq!(
            it(Msg::ExportTrainingReport),
            "Esporta il report di formazione"
        );
        assert_eq!(it(Msg::Retry), "Riprova");
    }
}
