//! Gateway presets for a new profile: the base URL's shape and the options known for each
//! gateway (../shared/gpt-image-2.md, "Gateways in practice"). Where nothing is known, the
//! defaults stay and the preset's note says so; everything stays editable afterwards.
//!
//! Hosts that the facts sheet does not give are placeholders under `.example` (a reserved
//! domain): a guessed host could carry the user's key to somebody else's server.

use crate::endpoint_options::{EndpointOptions, StreamSupport};
use crate::i18n::{text::gateways, Lang, Text};
use crate::tr;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gateway {
    /// The endpoint already entered, with the default options.
    Custom,
    OpenAi,
    LiteLlm,
    Sub2api,
    NewApi,
    Apiyi,
    EvoLink,
}

impl Gateway {
    /// In the order the select lists them.
    pub const ALL: [Gateway; 7] = [
        Gateway::Custom,
        Gateway::OpenAi,
        Gateway::LiteLlm,
        Gateway::Sub2api,
        Gateway::NewApi,
        Gateway::Apiyi,
        Gateway::EvoLink,
    ];

    /// The select's value.
    pub fn key(self) -> &'static str {
        match self {
            Gateway::Custom => "custom",
            Gateway::OpenAi => "openai",
            Gateway::LiteLlm => "litellm",
            Gateway::Sub2api => "sub2api",
            Gateway::NewApi => "new-api",
            Gateway::Apiyi => "apiyi",
            Gateway::EvoLink => "evolink",
        }
    }

    pub fn from_key(key: &str) -> Option<Gateway> {
        Gateway::ALL.into_iter().find(|g| g.key() == key)
    }

    /// The product's own name (the same in every language), or for custom what it does.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Gateway::Custom => gateways::CUSTOM.get(lang),
            Gateway::OpenAi => "OpenAI",
            Gateway::LiteLlm => "LiteLLM",
            Gateway::Sub2api => "sub2api",
            Gateway::NewApi => "new-api / one-api",
            Gateway::Apiyi => "APIYI",
            Gateway::EvoLink => "EvoLink",
        }
    }

    /// The new profile's name (made unique by the book); `None` names it after its host.
    pub fn profile_name(self) -> Option<&'static str> {
        match self {
            Gateway::Custom => None,
            Gateway::NewApi => Some("new-api"),
            other => Some(other.label(Lang::En)),
        }
    }

    /// The base URL filled in; `None` keeps the one already entered.
    pub fn base_url(self) -> Option<&'static str> {
        match self {
            Gateway::Custom => None,
            Gateway::OpenAi => Some(crate::api::request::DEFAULT_BASE_URL),
            // LiteLLM's proxy listens on port 4000 unless told otherwise.
            Gateway::LiteLlm => Some("http://localhost:4000/v1"),
            Gateway::Sub2api => Some("https://sub2api.example/v1"),
            Gateway::NewApi => Some("https://new-api.example/v1"),
            Gateway::Apiyi => Some("https://apiyi.example/v1"),
            Gateway::EvoLink => Some("https://evolink.example/v1"),
        }
    }

    /// The host in `base_url` that is only a stand-in for the user's own.
    pub fn placeholder_host(self) -> Option<&'static str> {
        self.base_url()
            .and_then(|url| url.split('/').nth(2))
            .filter(|host| host.ends_with(".example"))
    }

    /// The options a profile for this gateway starts with.
    pub fn options(self) -> EndpointOptions {
        let defaults = EndpointOptions::default();
        match self {
            Gateway::Custom | Gateway::OpenAi | Gateway::NewApi => defaults,
            Gateway::LiteLlm => EndpointOptions {
                // A stream ends in a 500 after LiteLLM's own retries, each of which may bill.
                streaming: StreamSupport::Refused,
                // It retries upstream itself: each retry of ours multiplies its tries.
                server_retries: 0,
                ..defaults
            },
            // Their docs ask image 1 to have the mask's format.
            Gateway::Sub2api | Gateway::Apiyi => EndpointOptions {
                image_png_with_mask: true,
                ..defaults
            },
            Gateway::EvoLink => EndpointOptions {
                task_gateway: true,
                ..defaults
            },
        }
    }

    fn note_text(self) -> Text {
        match self {
            Gateway::Custom => gateways::CUSTOM_NOTE,
            Gateway::OpenAi => gateways::OPENAI_NOTE,
            Gateway::LiteLlm => gateways::LITELLM_NOTE,
            Gateway::Sub2api => gateways::SUB2API_NOTE,
            Gateway::NewApi => gateways::NEW_API_NOTE,
            Gateway::Apiyi => gateways::APIYI_NOTE,
            Gateway::EvoLink => gateways::EVOLINK_NOTE,
        }
    }

    /// What is known about this gateway and what the preset set, in `lang`; with a stand-in
    /// host, which part of the URL to replace.
    pub fn note(self, lang: Lang) -> String {
        let note = self.note_text().get(lang);
        match self.placeholder_host() {
            Some(host) => format!("{note} {}", tr!(lang, gateways::REPLACE_HOST, host = host)),
            None => note.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::request::check_base_url;
    use crate::endpoint_options::EditImageField;

    #[test]
    fn keys_round_trip_and_every_url_is_usable() {
        for g in Gateway::ALL {
            assert_eq!(Gateway::from_key(g.key()), Some(g));
            if let Some(url) = g.base_url() {
                assert!(check_base_url(url).is_ok(), "{url}");
                assert!(url.ends_with("/v1"), "{url}");
            }
            // What a preset sets is within the options' ranges.
            assert_eq!(g.options().clamped(), g.options(), "{g:?}");
            for lang in Lang::ALL {
                assert!(!g.note(lang).is_empty());
            }
        }
        assert_eq!(Gateway::from_key("nope"), None);
    }

    #[test]
    fn known_hosts_are_filled_and_unknown_ones_are_stand_ins() {
        assert_eq!(
            Gateway::OpenAi.base_url(),
            Some("https://api.openai.com/v1")
        );
        assert_eq!(
            Gateway::LiteLlm.base_url(),
            Some("http://localhost:4000/v1")
        );
        assert_eq!(Gateway::OpenAi.placeholder_host(), None);
        assert_eq!(Gateway::LiteLlm.placeholder_host(), None);
        assert_eq!(Gateway::Custom.base_url(), None);
        for g in [
            Gateway::Sub2api,
            Gateway::NewApi,
            Gateway::Apiyi,
            Gateway::EvoLink,
        ] {
            let host = g.placeholder_host().expect("a stand-in host");
            assert!(g.note(Lang::En).contains(host), "{g:?}");
            assert!(g.note(Lang::ZhCn).contains(host), "{g:?}");
        }
    }

    #[test]
    fn each_preset_sets_only_what_is_known() {
        let defaults = EndpointOptions::default();
        assert_eq!(Gateway::OpenAi.options(), defaults);
        assert_eq!(Gateway::NewApi.options(), defaults, "nothing documented");
        let litellm = Gateway::LiteLlm.options();
        assert_eq!(litellm.streaming, StreamSupport::Refused);
        assert_eq!(litellm.server_retries, 0);
        // LiteLLM takes `image` and `image[]` alike: OpenAI's name stays.
        assert_eq!(litellm.edit_image_field, EditImageField::Brackets);
        assert_eq!(
            (litellm.max_per_request, litellm.max_references),
            (defaults.max_per_request, None),
            "its caps are not documented"
        );
        for g in [Gateway::Sub2api, Gateway::Apiyi] {
            assert!(g.options().image_png_with_mask, "{g:?}");
            assert!(!g.options().task_gateway, "{g:?}");
        }
        assert!(Gateway::EvoLink.options().task_gateway);
        assert!(!Gateway::LiteLlm.options().task_gateway);
    }

    #[test]
    fn notes_say_what_is_unknown() {
        for g in [Gateway::LiteLlm, Gateway::Sub2api, Gateway::NewApi] {
            let note = g.note(Lang::En);
            assert!(
                note.contains("not documented") || note.contains("no image limits"),
                "{g:?}: {note}"
            );
        }
        assert!(Gateway::Custom.note(Lang::ZhCn).contains("默认"));
    }
}
