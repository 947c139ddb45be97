//! The people of the dataset: the users behind the personas and the support
//! requests, who may reach which request, and the pools of names the record
//! generators draw from.

/// Who may reach a support request (or an additional case). Internal only:
/// it is never serialised; `access.rs` filters on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Access {
    /// Groups the request was shared with.
    pub groups: &'static [&'static str],
    /// Users the request was shared with personally.
    pub shared_with: &'static [&'static str],
    /// The user who opened it (its primary contact).
    pub primary_contact: &'static str,
}

pub const GRP_IT_OPS: &str = "grp-it-ops";
pub const GRP_TRAINING: &str = "grp-training";
pub const GRP_SECURITY: &str = "grp-security";
pub const GRP_FINANCE: &str = "grp-finance";
pub const GRP_FABRIKAM_IT: &str = "grp-fabrikam-it";

pub const U_GIULIA: &str = "u-giulia-bianchi";
pub const U_MARCO: &str = "u-marco-rossi";
pub const U_CHIARA: &str = "u-chiara-esposito";
pub const U_LUCA: &str = "u-luca-ferrari";
pub const U_SOFIA: &str = "u-sofia-romano";
pub const U_ALESSANDRO: &str = "u-alessandro-ricci";
pub const U_FRANCESCA: &str = "u-francesca-marino";
pub const U_PAOLO: &str = "u-paolo-greco";
pub const U_ELENA: &str = "u-elena-colombo";
pub const U_ROBERTO: &str = "u-roberto-marchetti";
pub const U_EMILY: &str = "u-emily-carter";
pub const U_JAMES: &str = "u-james-whitfield";

/// Users: id, display name, email.
pub const USERS: &[(&str, &str, &str)] = &[
    (U_GIULIA, "Giulia Bianchi", "giulia.bianchi@contoso.it"),
    (U_MARCO, "Marco Rossi", "marco.rossi@fabrikam.com"),
    (U_CHIARA, "Chiara Esposito", "chiara.esposito@contoso.it"),
    (U_LUCA, "Luca Ferrari", "luca.ferrari@contoso.it"),
    (U_SOFIA, "Sofia Romano", "sofia.romano@contoso.it"),
    (
        U_ALESSANDRO,
        "Alessandro Ricci",
        "alessandro.ricci@contoso.it",
    ),
    (
        U_FRANCESCA,
        "Francesca Marino",
        "francesca.marino@contoso.it",
    ),
    (U_PAOLO, "Paolo Greco", "paolo.greco@contoso.it"),
    (U_ELENA, "Elena Colombo", "elena.colombo@contoso.it"),
    (
        U_ROBERTO,
        "Roberto Marchetti",
        "roberto.marchetti@northwindtraders.com",
    ),
    (U_EMILY, "Emily Carter", "emily.carter@fabrikam.com"),
    (
        U_JAMES,
        "James Whitfield",
        "james.whitfield@northwindtraders.com",
    ),
];

pub fn user_name(id: &str) -> &'static str {
    USERS
        .iter()
        .find(|u| u.0 == id)
        .map_or("Unknown user", |u| u.1)
}

/// The ways a request can be reached, cycled over the generated requests so
/// that every access path occurs on every support entitlement with 8+ rows.
pub const PATTERNS: [Access; 8] = [
    // by group only
    Access {
        groups: &[GRP_IT_OPS],
        shared_with: &[],
        primary_contact: U_PAOLO,
    },
    // shared personally only
    Access {
        groups: &[],
        shared_with: &[U_CHIARA],
        primary_contact: U_ELENA,
    },
    // primary contact only
    Access {
        groups: &[],
        shared_with: &[],
        primary_contact: U_SOFIA,
    },
    // nobody among the non-administrator personas
    Access {
        groups: &[GRP_SECURITY],
        shared_with: &[],
        primary_contact: U_ELENA,
    },
    // several paths at once
    Access {
        groups: &[GRP_IT_OPS, GRP_TRAINING],
        shared_with: &[U_SOFIA],
        primary_contact: U_CHIARA,
    },
    Access {
        groups: &[GRP_TRAINING, GRP_FABRIKAM_IT],
        shared_with: &[],
        primary_contact: U_EMILY,
    },
    Access {
        groups: &[],
        shared_with: &[U_LUCA],
        primary_contact: U_SOFIA,
    },
    Access {
        groups: &[GRP_FINANCE],
        shared_with: &[],
        primary_contact: U_JAMES,
    },
];

/// Learners of on-demand education: name, email.
pub const LEARNERS: &[(&str, &str)] = &[
    ("Niccolò Cantù", "niccolo.cantu@contoso.it"),
    ("Lucrezia Abbà", "lucrezia.abba@contoso.it"),
    ("Gabriele Mosè", "gabriele.mose@contoso.it"),
    ("Noemi Bonfà", "noemi.bonfa@contoso.it"),
    ("Mattia Fantò", "mattia.fanto@contoso.it"),
    ("Zoë D'Amico", "zoe.damico@contoso.it"),
    ("Benedetta Sciarrà", "benedetta.sciarra@contoso.it"),
    ("Nicolò Pellegrini", "nicolo.pellegrini@contoso.it"),
    ("Ilaria Santoro", "ilaria.santoro@contoso.it"),
    ("Raffaele Caruso", "raffaele.caruso@contoso.it"),
    ("Gioia Lombardi", "gioia.lombardi@contoso.it"),
    ("Tommaso Galli", "tommaso.galli@contoso.it"),
    ("Emily Carter", "emily.carter@fabrikam.com"),
    ("Oliver Grant", "oliver.grant@fabrikam.com"),
    ("Priya Natarajan", "priya.natarajan@fabrikam.com"),
    ("Hannah Schäfer", "hannah.schafer@northwindtraders.com"),
    ("James Whitfield", "james.whitfield@northwindtraders.com"),
    ("Renée Dubois", "renee.dubois@northwindtraders.com"),
];

/// Microsoft resources that deliver proactive services.
pub const RESOURCES: &[&str] = &[
    "Paolo Greco (Cloud Solution Architect)",
    "Federica Conti (Customer Engineer)",
    "Stefano Moretti (Designated Support Engineer)",
    "Megan Bowen (Customer Engineer)",
    "Alex Wilber (Cloud Solution Architect)",
    "Sara Barbieri (Customer Success Account Manager)",
];

pub const PRODUCTS: &[&str] = &[
    "Microsoft Exchange Online",
    "SQL Server 2019",
    "Azure Virtual Machines",
    "Microsoft Teams",
    "Windows Server 2022",
    "Microsoft Entra ID",
    "Dynamics 365 Sales",
    "Azure Kubernetes Service",
    "Microsoft Intune",
    "SharePoint Online",
    "Azure SQL Database",
    "Microsoft Defender for Endpoint",
];
