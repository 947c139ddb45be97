//! What each contract and package entitles the customer to. `consumed` here
//! is a target: the record generators split it exactly over the rows, and
//! the entitlement's `consumed` is then summed back from them.

use ca_contract::{Service, Unit};
use Service::*;

#[derive(Debug, Clone)]
pub struct Spec {
    pub id: &'static str,
    pub contract: &'static str,
    pub package: Option<&'static str>,
    pub service: Service,
    pub unit: Unit,
    pub name: &'static str,
    pub description: Option<&'static str>,
    pub purchased: Option<f64>,
    pub consumed: f64,
    /// How many records to generate (0 for additional benefits).
    pub rows: usize,
    pub benefit: bool,
    pub action: Option<(&'static str, &'static str)>,
}

impl Spec {
    fn pkg(mut self, package: &'static str) -> Spec {
        self.package = Some(package);
        self
    }
    fn desc(mut self, d: &'static str) -> Spec {
        self.description = Some(d);
        self
    }
    fn act(mut self, label: &'static str, url: &'static str) -> Spec {
        self.action = Some((label, url));
        self
    }
}

#[allow(clippy::too_many_arguments)]
fn s(
    id: &'static str,
    contract: &'static str,
    service: Service,
    unit: Unit,
    name: &'static str,
    purchased: Option<f64>,
    consumed: f64,
    rows: usize,
) -> Spec {
    let (description, action) = defaults(service);
    Spec {
        id,
        contract,
        package: None,
        service,
        unit,
        name,
        description,
        purchased,
        consumed,
        rows,
        benefit: false,
        action,
    }
}

fn benefit(
    id: &'static str,
    contract: &'static str,
    package: &'static str,
    service: Service,
    unit: Unit,
    name: &'static str,
    d: &'static str,
) -> Spec {
    Spec {
        id,
        contract,
        package: Some(package),
        service,
        unit,
        name,
        description: Some(d),
        purchased: None,
        consumed: 0.0,
        rows: 0,
        benefit: true,
        action: None,
    }
}

/// The description and action an entitlement of a service usually has.
fn defaults(service: Service) -> (Option<&'static str>, Option<(&'static str, &'static str)>) {
    match service {
        ReactiveSupport => (
            Some("24x7 problem resolution support for Microsoft products and services, billed by the hour against this contract."),
            Some(("Open a support request", "https://serviceshub.microsoft.com/support/create")),
        ),
        AdvisorySupport => (
            Some("Short-term guidance from a Microsoft engineer on planning, deployment and best practices (advisory cases)."),
            Some(("Request advisory support", "https://serviceshub.microsoft.com/support/advisory")),
        ),
        ProactiveServices | ProactiveCredits | DesignatedSupportEngineering | Workshops => (
            Some("Proactive engagements (assessments, workshops, remediation) planned with your Customer Success Account Manager. Delivered hours follow the Risk Management guidance."),
            Some(("Request a proactive service", "https://serviceshub.microsoft.com/catalog")),
        ),
        OnDemandEducation => (
            Some("Seats for on-demand courses, learning paths, labs and webcasts for the people of your organisation."),
            Some(("Browse on-demand learning", "https://learn.microsoft.com/training/")),
        ),
        SupportContacts => (
            Some("Named contacts who may open support requests on behalf of the organisation."),
            Some(("Manage support contacts", "https://serviceshub.microsoft.com/manage/contacts")),
        ),
        OnDemandAssessments => (
            Some("Automated health and risk assessments that collect data from your environment through Log Analytics."),
            Some(("Go to On-demand Assessments", "https://serviceshub.microsoft.com/assessments")),
        ),
        _ => (None, None),
    }
}

/// Every entitlement, enterprise-level first, in API order.
pub fn specs(bench: bool) -> Vec<Spec> {
    use Unit::*;
    let mut v = vec![
        // Contoso Italia – Unified Enterprise
        s("e-cu-reactive", "c-cu", ReactiveSupport, Hours, "Problem Resolution Support", Some(120.0), 126.5, 32),
        s("e-cu-advisory", "c-cu", AdvisorySupport, Hours, "Advisory Support", None, 18.75, 9),
        s("e-cu-proactive", "c-cu", ProactiveServices, Hours, "Proactive Services", Some(200.0), 142.5, 14),
        s("e-cu-credits", "c-cu", ProactiveCredits, Credits, "Proactive Credits", Some(150.0), 96.0, 12),
        s("e-cu-dse", "c-cu", DesignatedSupportEngineering, Days, "Designated Support Engineering", Some(40.0), 27.5, 20),
        s("e-cu-workshops", "c-cu", Service::Workshops, Unit::Workshops, "WorkshopPLUS", Some(6.0), 4.0, 6),
        s("e-cu-education", "c-cu", OnDemandEducation, Seats, "On-demand Education", Some(50.0), 37.0, 37),
        s("e-cu-contacts", "c-cu", SupportContacts, Contacts, "Support Contacts", Some(12.0), 10.0, 12),
        s("e-cu-assessments", "c-cu", OnDemandAssessments, Assessments, "On-demand Assessments", Some(8.0), 6.0, 6),
        // Contoso Italia – Premier Support
        s("e-cp-reactive-cases", "c-cp", ReactiveSupport, Cases, "Problem Resolution Support (cases)", Some(25.0), 14.0, 14),
        s("e-cp-advisory", "c-cp", AdvisorySupport, Hours, "Advisory Support", Some(40.0), 22.25, 11),
        s("e-cp-proactive", "c-cp", ProactiveServices, Hours, "Proactive Services", Some(80.0), 91.0, 10),
        s("e-cp-csam", "c-cp", Other, Days, "Customer Success Account Management", Some(12.0), 7.5, 8)
            .desc("Service delivery management by your Customer Success Account Manager (Gestione del servizio).")
            .act("Book a service review", "javascript:alert(1)"),
        // Contoso Group – Unified Shared Services (two workspaces)
        s("e-sh-reactive", "c-sh", ReactiveSupport, Hours, "Problem Resolution Support", None, 64.5, 24),
        s("e-sh-credits", "c-sh", ProactiveCredits, Credits, "Proactive Credits", Some(300.0), 185.0, 16),
        s("e-sh-education", "c-sh", OnDemandEducation, Seats, "On-demand Education", Some(25.0), 19.0, 19),
        s("e-sh-workshops", "c-sh", Service::Workshops, Unit::Workshops, "Workshops", Some(4.0), 3.0, 5),
        // Fabrikam Retail – Unified Performance
        s("e-fu-reactive", "c-fu", ReactiveSupport, Hours, "Problem Resolution Support", Some(80.0), 47.75, 20),
        s("e-fu-advisory", "c-fu", AdvisorySupport, Hours, "Advisory Support", None, 12.5, 6),
        s("e-fu-proactive", "c-fu", ProactiveServices, Hours, "Proactive Services", Some(100.0), 60.0, 9),
        s("e-fu-contacts", "c-fu", SupportContacts, Contacts, "Support Contacts", Some(8.0), 6.0, 7),
        s("e-fu-assessments", "c-fu", OnDemandAssessments, Assessments, "On-demand Assessments", None, 5.0, 5),
        // Fabrikam Retail – Premier Support (no packages)
        s("e-fp-reactive", "c-fp", ReactiveSupport, Hours, "Problem Resolution Support", Some(60.0), 33.5, 15),
        s("e-fp-dse", "c-fp", DesignatedSupportEngineering, Hours, "Designated Support Engineering", Some(120.0), 84.0, 12),
        s("e-fp-education", "c-fp", OnDemandEducation, Seats, "On-demand Education", None, 9.0, 9),
        // Northwind Traders – Unified Advanced
        s("e-nu-reactive-cases", "c-nu", ReactiveSupport, Cases, "Problem Resolution Support (cases)", None, 11.0, 11),
        s("e-nu-advisory", "c-nu", AdvisorySupport, Hours, "Advisory Support", Some(30.0), 31.5, 10),
        s("e-nu-credits", "c-nu", ProactiveCredits, Credits, "Proactive Credits", Some(120.0), 40.0, 8),
        s("e-nu-education", "c-nu", OnDemandEducation, Seats, "On-demand Education", Some(40.0), 12.0, 12),
        s("e-nu-contacts", "c-nu", SupportContacts, Contacts, "Support Contacts", Some(6.0), 5.0, 5),
        s("e-nu-assessments", "c-nu", OnDemandAssessments, Assessments, "On-demand Assessments", Some(4.0), 3.0, 5),
        // Northwind Traders – Premier Legacy
        s("e-np-reactive", "c-np", ReactiveSupport, Hours, "Problem Resolution Support", Some(40.0), 12.25, 7),
        s("e-np-workshops", "c-np", Service::Workshops, Unit::Workshops, "Workshops", Some(6.0), 5.0, 5),
        // Contoso Italia – Premier 2024 (expired)
        s("e-ex-reactive", "c-ex", ReactiveSupport, Hours, "Problem Resolution Support", Some(100.0), 88.0, 18),
        s("e-ex-proactive", "c-ex", ProactiveServices, Hours, "Proactive Services", Some(60.0), 60.0, 6),
        // Fabrikam Retail – Unified Renewal (starts in 25 days: credits reserved by scheduled deliveries)
        s("e-fut-credits", "c-fut", ProactiveCredits, Credits, "Proactive Credits", Some(200.0), 30.0, 5),
        // Northwind Traders – Premier Bridge (ends today)
        s("e-et-reactive", "c-et", ReactiveSupport, Hours, "Problem Resolution Support", Some(50.0), 49.5, 20),
        s("e-et-proactive", "c-et", ProactiveServices, Hours, "Proactive Services", Some(40.0), 38.0, 6),
        // Contoso Italia – Cloud Accelerate (starts today)
        s("e-st-contacts", "c-st", SupportContacts, Contacts, "Support Contacts", Some(10.0), 5.0, 5),
        s("e-st-proactive", "c-st", ProactiveServices, Hours, "Proactive Services", Some(60.0), 24.0, 5),
        // Contoso Labs – not mapped to any workspace
        s("e-um-reactive", "c-um", ReactiveSupport, Hours, "Problem Resolution Support", Some(40.0), 15.0, 8),
        s("e-um-advisory", "c-um", AdvisorySupport, Hours, "Advisory Support", None, 6.0, 5),
    ];
    v.extend(package_specs());
    if bench {
        v.push(s(
            crate::data::BENCH_ENTITLEMENT,
            super::contracts::C_BENCH,
            ReactiveSupport,
            Hours,
            "Benchmark: 100,000 support requests",
            None,
            0.0,
            0,
        ));
    }
    v
}

fn package_specs() -> Vec<Spec> {
    use Unit::*;
    vec![
        s("e-pkg-sec-reactive", "c-cu", ReactiveSupport, Hours, "Security Incident Response", Some(40.0), 46.0, 12)
            .pkg("pkg-cu-security")
            .desc("Priority problem resolution for security incidents, with a security engineer engaged within one hour."),
        s("e-pkg-sec-assess", "c-cu", OnDemandAssessments, Assessments, "Microsoft Defender Assessment", Some(6.0), 5.0, 5).pkg("pkg-cu-security"),
        benefit("e-pkg-sec-hotline", "c-cu", "pkg-cu-security", Other, Hours, "24x7 Security Hotline", "A dedicated phone line to the Microsoft security response team, at no additional cost."),
        benefit("e-pkg-sec-routing", "c-cu", "pkg-cu-security", ReactiveSupport, Cases, "Priority routing to security engineers", "Security cases are routed straight to senior engineers of the Cybersecurity team."),
        s("e-pkg-sql-proactive", "c-cu", ProactiveServices, Hours, "SQL Performance Remediation", Some(60.0), 22.5, 6).pkg("pkg-cu-sql"),
        s("e-pkg-sql-advisory", "c-cu", AdvisorySupport, Hours, "Migration Advisory", None, 14.25, 7).pkg("pkg-cu-sql"),
        benefit("e-pkg-sql-roadmap", "c-cu", "pkg-cu-sql", Service::Workshops, Unit::Workshops, "Quarterly SQL roadmap briefing", "A quarterly briefing on the SQL Server and Azure SQL roadmap with the product group."),
        s("e-pkg-m365-workshops", "c-cu", Service::Workshops, Unit::Workshops, "Adoption Workshops", Some(5.0), 5.0, 5).pkg("pkg-cu-m365"),
        s("e-pkg-m365-education", "c-cu", OnDemandEducation, Seats, "Copilot learning seats", Some(100.0), 40.0, 40).pkg("pkg-cu-m365"),
        s("e-pkg-dyn-reactive", "c-cu", ReactiveSupport, Hours, "Dynamics 365 Problem Resolution", Some(30.0), 30.0, 10).pkg("pkg-cu-dynamics"),
        benefit("e-pkg-dyn-webcast", "c-cu", "pkg-cu-dynamics", OnDemandEducation, Seats, "Dynamics 365 release readiness webcasts", "Access to the release-wave readiness webcasts for Dynamics 365."),
        s("e-pkg-cop-credits", "c-cu", ProactiveCredits, Credits, "Copilot Readiness Credits", Some(50.0), 10.0, 5).pkg("pkg-cu-copilot"),
        s("e-pkg-dev-advisory", "c-cu", AdvisorySupport, Hours, "Developer Advisory", Some(50.0), 12.75, 8).pkg("pkg-cu-devops"),
        s("e-pkg-dev-dse", "c-cu", DesignatedSupportEngineering, Days, "Developer DSE", Some(10.0), 11.0, 11).pkg("pkg-cu-devops"),
        s("e-pkg-retail-reactive", "c-sh", ReactiveSupport, Hours, "Store Systems Problem Resolution", None, 22.5, 9).pkg("pkg-sh-retail"),
        s("e-pkg-retail-contacts", "c-sh", SupportContacts, Contacts, "Additional Support Contacts", Some(4.0), 4.0, 5).pkg("pkg-sh-retail"),
        benefit("e-pkg-retail-peak", "c-sh", "pkg-sh-retail", Other, Days, "Peak season readiness (Black Friday)", "Heightened monitoring and a named engineer on call during the retail peak season."),
        s("e-pkg-ai-credits", "c-fu", ProactiveCredits, Credits, "AI Foundry Credits", Some(80.0), 52.0, 7).pkg("pkg-fu-ai"),
        benefit("e-pkg-ai-office-hours", "c-fu", "pkg-fu-ai", AdvisorySupport, Hours, "Azure AI office hours", "Fortnightly office hours with the Azure AI engineering team."),
        s("e-pkg-sap-reactive", "c-nu", ReactiveSupport, Hours, "SAP on Azure Problem Resolution", Some(60.0), 18.0, 8).pkg("pkg-nu-sap"),
        s("e-pkg-sap-proactive", "c-nu", ProactiveServices, Hours, "SAP on Azure Health Checks", None, 16.0, 5).pkg("pkg-nu-sap"),
        s("e-pkg-esu-reactive", "c-np", ReactiveSupport, Cases, "Windows Server 2012 ESU Cases", Some(10.0), 10.0, 10).pkg("pkg-np-esu"),
    ]
}
