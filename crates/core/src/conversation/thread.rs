//! A conversation as a tree of turns: each turn continues its parent's image, and a turn made
//! from an earlier one starts a branch. Stored as it is (serde; IndexedDB later) and shared as
//! its prompts only.
//!
//! What a next turn sends follows from the parent turn and whether the endpoint has
//! `/responses` at all: a gateway without it answers 404 or 405, and from then on the thread
//! goes on through the Images API with the previous result as image 1.

use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::api::request::MAX_PROMPT_CHARS;
use crate::i18n::{text::conversation, Lang};
use crate::tr;

use super::responses_request::{Chain, ChainBy};

pub type TurnId = u32;

/// Which API a turn went through.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Transport {
    #[default]
    Responses,
    /// `/images/generations` or `/images/edits` (the fallback, or a first turn made there).
    Images,
}

/// One turn. Fields added later must have defaults: stored threads are read back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Turn {
    pub id: TurnId,
    /// None for a root (a first turn).
    pub parent: Option<TurnId>,
    pub prompt: String,
    /// How many reference images the turn sent (the images themselves live elsewhere).
    pub references: u8,
    pub masked: bool,
    pub transport: Transport,
    /// `resp_…`, once answered on the Responses API.
    pub response_id: Option<String>,
    /// `ig_…`, once answered on the Responses API.
    pub image_call_id: Option<String>,
    /// Where the result image is kept (a history key), once answered.
    pub result: Option<String>,
    pub revised_prompt: Option<String>,
}

/// What a turn adds to a thread before it is answered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TurnDraft {
    pub prompt: String,
    pub references: u8,
    pub masked: bool,
    pub transport: Transport,
}

/// What came back for a turn.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TurnResult {
    pub response_id: Option<String>,
    pub image_call_id: Option<String>,
    pub result: Option<String>,
    pub revised_prompt: Option<String>,
}

/// Whether an endpoint has `/responses`, as far as its answers told. Kept with the endpoint's
/// profile, so a gateway without it is asked once, not on every turn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponsesSupport {
    #[default]
    Unknown,
    Available,
    /// It answered 404 or 405: turns go through the Images API.
    Missing,
}

impl ResponsesSupport {
    /// What an answer of `/responses` with `status` (and the error body's `code`, if any)
    /// says. 404/405 mean no such endpoint, except a 404 `model_not_found`: that endpoint
    /// exists and the text model does not, which the Images API cannot fix. Other errors say
    /// nothing about the endpoint.
    pub fn after_answer(self, status: u16, code: Option<&str>) -> ResponsesSupport {
        match status {
            404 if code == Some("model_not_found") => ResponsesSupport::Available,
            404 | 405 => ResponsesSupport::Missing,
            200..=299 => ResponsesSupport::Available,
            _ => self,
        }
    }

    /// Whether a turn answered with `status` should be sent again through the Images API
    /// (the fallback happens once, on the answer that revealed it).
    pub fn falls_back(self, status: u16, code: Option<&str>) -> bool {
        self != ResponsesSupport::Missing
            && self.after_answer(status, code) == ResponsesSupport::Missing
    }

    /// The transport a new turn takes.
    pub fn transport(self) -> Transport {
        match self {
            ResponsesSupport::Missing => Transport::Images,
            _ => Transport::Responses,
        }
    }
}

/// What the next turn after a given one sends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NextChain {
    /// On `/responses`, chained to the turn by its response or image-call id.
    Responses(Chain),
    /// Through `/images/edits`, the turn's result as image 1 (before any new references).
    ImagesEdit { image1: String },
    /// The turn has no result yet (not answered, or failed): nothing to continue from.
    Unanswered,
}

/// Why a thread operation could not be done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ThreadError {
    NoSuchTurn(TurnId),
    /// A stored or shared thread whose turns do not form a tree.
    Broken,
    ShareTooLong {
        chars: usize,
        max: usize,
    },
    ShareUnreadable,
    PromptTooLong {
        turn: usize,
        chars: usize,
    },
}

impl std::fmt::Display for ThreadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ThreadError {}

impl ThreadError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ThreadError::NoSuchTurn(id) => tr!(lang, conversation::NO_SUCH_TURN, id = id),
            ThreadError::Broken => tr!(lang, conversation::THREAD_BROKEN).to_string(),
            ThreadError::ShareTooLong { chars, max } => {
                tr!(lang, conversation::SHARE_TOO_LONG, chars = chars, max = max)
            }
            ThreadError::ShareUnreadable => tr!(lang, conversation::SHARE_UNREADABLE).to_string(),
            ThreadError::PromptTooLong { turn, chars } => tr!(
                lang,
                conversation::SHARED_PROMPT_TOO_LONG,
                turn = turn + 1,
                chars = chars,
                max = MAX_PROMPT_CHARS
            ),
        }
    }
}

/// The longest share text (a URL fragment that chat apps and browsers keep whole).
pub const MAX_SHARE_CHARS: usize = 8_000;
/// What a share text starts with: the format and its version.
pub const SHARE_TAG: &str = "conv1.";

/// A conversation. Turn ids are given in order, so a parent's id is always below its
/// children's: the turns form a tree by construction (checked again when read back).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Thread {
    pub turns: Vec<Turn>,
    pub next_id: TurnId,
}

impl Thread {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn turn(&self, id: TurnId) -> Option<&Turn> {
        self.turns.iter().find(|t| t.id == id)
    }

    fn turn_mut(&mut self, id: TurnId) -> Result<&mut Turn, ThreadError> {
        self.turns
            .iter_mut()
            .find(|t| t.id == id)
            .ok_or(ThreadError::NoSuchTurn(id))
    }

    /// Adds a turn after `parent` (None: a new root). A parent that already has a child makes
    /// this a branch.
    pub fn add_turn(
        &mut self,
        parent: Option<TurnId>,
        draft: TurnDraft,
    ) -> Result<TurnId, ThreadError> {
        if let Some(p) = parent {
            self.turn(p).ok_or(ThreadError::NoSuchTurn(p))?;
        }
        let id = self.next_id;
        self.next_id += 1;
        self.turns.push(Turn {
            id,
            parent,
            prompt: draft.prompt,
            references: draft.references,
            masked: draft.masked,
            transport: draft.transport,
            ..Turn::default()
        });
        Ok(id)
    }

    /// Records what came back for a turn.
    pub fn record(&mut self, id: TurnId, result: TurnResult) -> Result<(), ThreadError> {
        let turn = self.turn_mut(id)?;
        turn.response_id = result.response_id;
        turn.image_call_id = result.image_call_id;
        turn.result = result.result;
        turn.revised_prompt = result.revised_prompt;
        Ok(())
    }

    pub fn children(&self, id: TurnId) -> Vec<TurnId> {
        self.turns
            .iter()
            .filter(|t| t.parent == Some(id))
            .map(|t| t.id)
            .collect()
    }

    /// Turns without children, oldest first: the ends of the thread's branches.
    pub fn leaves(&self) -> Vec<TurnId> {
        self.turns
            .iter()
            .filter(|t| !self.turns.iter().any(|c| c.parent == Some(t.id)))
            .map(|t| t.id)
            .collect()
    }

    /// The turns from the root to `id`, root first.
    pub fn path_to(&self, id: TurnId) -> Result<Vec<TurnId>, ThreadError> {
        let mut path = vec![id];
        let mut at = self.turn(id).ok_or(ThreadError::NoSuchTurn(id))?;
        while let Some(p) = at.parent {
            // Guards a stored thread that was edited into a cycle.
            if path.len() > self.turns.len() {
                return Err(ThreadError::Broken);
            }
            at = self.turn(p).ok_or(ThreadError::Broken)?;
            path.push(p);
        }
        path.reverse();
        Ok(path)
    }

    /// What a turn made after `id` sends, with `by` the chaining setting and `support` what
    /// the endpoint is known to have.
    pub fn next_chain(
        &self,
        id: TurnId,
        by: ChainBy,
        support: ResponsesSupport,
    ) -> Result<NextChain, ThreadError> {
        let turn = self.turn(id).ok_or(ThreadError::NoSuchTurn(id))?;
        let images = || match &turn.result {
            Some(image1) => NextChain::ImagesEdit {
                image1: image1.clone(),
            },
            None => NextChain::Unanswered,
        };
        if support == ResponsesSupport::Missing || turn.transport == Transport::Images {
            return Ok(images());
        }
        let response = turn.response_id.clone().map(Chain::PreviousResponse);
        let call = turn.image_call_id.clone().map(Chain::ImageCall);
        // The chosen id, else the other one, else the image itself.
        let chain = match by {
            ChainBy::ResponseId => response.or(call),
            ChainBy::ImageCall => call.or(response),
        };
        Ok(chain.map_or_else(images, NextChain::Responses))
    }

    /// Checks a thread read back from storage: unique ids below `next_id`, every parent an
    /// earlier turn.
    pub fn check(&self) -> Result<(), ThreadError> {
        let mut seen = std::collections::BTreeSet::new();
        for t in &self.turns {
            let parent_ok = t.parent.is_none_or(|p| p < t.id && seen.contains(&p));
            if t.id >= self.next_id || !parent_ok || !seen.insert(t.id) {
                return Err(ThreadError::Broken);
            }
        }
        Ok(())
    }

    /// Reads a stored thread (JSON), checked.
    pub fn from_json(text: &str) -> Result<Thread, ThreadError> {
        let thread: Thread = serde_json::from_str(text).map_err(|_| ThreadError::Broken)?;
        thread.check()?;
        Ok(thread)
    }

    /// The thread's prompts and shape as a share text (`conv1.` + base64url JSON): no images,
    /// no results, no ids of the endpoint, no key. `only` limits it to the path to one turn.
    pub fn share(&self, only: Option<TurnId>) -> Result<String, ThreadError> {
        let ids: Vec<TurnId> = match only {
            Some(id) => self.path_to(id)?,
            None => self.turns.iter().map(|t| t.id).collect(),
        };
        // Parents as positions in the shared list: compact, and ids stay private.
        let mut entries = Vec::with_capacity(ids.len());
        for id in &ids {
            let turn = self.turn(*id).ok_or(ThreadError::NoSuchTurn(*id))?;
            let parent = turn.parent.and_then(|p| ids.iter().position(|i| *i == p));
            entries.push(SharedTurn(parent, turn.prompt.clone()));
        }
        let json = serde_json::to_string(&SharedThread { v: 1, t: entries })
            .map_err(|_| ThreadError::Broken)?;
        let text = format!(
            "{SHARE_TAG}{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json)
        );
        let chars = text.chars().count();
        if chars > MAX_SHARE_CHARS {
            return Err(ThreadError::ShareTooLong {
                chars,
                max: MAX_SHARE_CHARS,
            });
        }
        Ok(text)
    }

    /// A thread from a share text: its prompts and shape, nothing answered yet.
    pub fn from_share(text: &str) -> Result<Thread, ThreadError> {
        let text = text.trim().trim_start_matches('#');
        let chars = text.chars().count();
        if chars > MAX_SHARE_CHARS {
            return Err(ThreadError::ShareTooLong {
                chars,
                max: MAX_SHARE_CHARS,
            });
        }
        let data = text
            .strip_prefix(SHARE_TAG)
            .ok_or(ThreadError::ShareUnreadable)?;
        let json = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(data)
            .map_err(|_| ThreadError::ShareUnreadable)?;
        let shared: SharedThread =
            serde_json::from_slice(&json).map_err(|_| ThreadError::ShareUnreadable)?;
        if shared.v != 1 {
            return Err(ThreadError::ShareUnreadable);
        }
        let mut thread = Thread::new();
        for (index, SharedTurn(parent, prompt)) in shared.t.into_iter().enumerate() {
            let chars = prompt.chars().count();
            if chars > MAX_PROMPT_CHARS {
                return Err(ThreadError::PromptTooLong { turn: index, chars });
            }
            // Positions are ids here: turn i got id i.
            let parent = match parent {
                Some(p) if p < index => Some(p as TurnId),
                Some(_) => return Err(ThreadError::Broken),
                None => None,
            };
            thread.add_turn(
                parent,
                TurnDraft {
                    prompt,
                    ..TurnDraft::default()
                },
            )?;
        }
        Ok(thread)
    }
}

/// The share form: version and `[parent position or null, prompt]` per turn.
#[derive(Serialize, Deserialize)]
struct SharedThread {
    v: u32,
    t: Vec<SharedTurn>,
}

#[derive(Serialize, Deserialize)]
struct SharedTurn(Option<usize>, String);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn draft(prompt: &str) -> TurnDraft {
        TurnDraft {
            prompt: prompt.into(),
            ..TurnDraft::default()
        }
    }

    fn answered(n: u32) -> TurnResult {
        TurnResult {
            response_id: Some(format!("resp_{n}")),
            image_call_id: Some(format!("ig_{n}")),
            result: Some(format!("history:{n}")),
            revised_prompt: None,
        }
    }

    /// A root, two turns after it, and a branch from the root.
    fn sample() -> Thread {
        let mut t = Thread::new();
        let a = t.add_turn(None, draft("a fox")).unwrap();
        let b = t.add_turn(Some(a), draft("make it red")).unwrap();
        let _c = t.add_turn(Some(b), draft("add snow")).unwrap();
        let _d = t.add_turn(Some(a), draft("make it blue")).unwrap();
        t
    }

    #[test]
    fn branches_paths_and_leaves() {
        let t = sample();
        assert_eq!(t.path_to(2).unwrap(), vec![0, 1, 2]);
        assert_eq!(t.path_to(3).unwrap(), vec![0, 3]);
        assert_eq!(t.leaves(), vec![2, 3]);
        assert_eq!(t.children(0), vec![1, 3]);
        assert_eq!(t.path_to(9), Err(ThreadError::NoSuchTurn(9)));
        let mut t = t;
        assert_eq!(
            t.add_turn(Some(42), draft("x")),
            Err(ThreadError::NoSuchTurn(42))
        );
    }

    #[test]
    fn what_the_next_turn_sends() {
        let mut t = sample();
        use ResponsesSupport::*;
        assert_eq!(
            t.next_chain(1, ChainBy::ResponseId, Unknown),
            Ok(NextChain::Unanswered)
        );
        t.record(1, answered(1)).unwrap();
        assert_eq!(
            t.next_chain(1, ChainBy::ResponseId, Available),
            Ok(NextChain::Responses(Chain::PreviousResponse(
                "resp_1".into()
            )))
        );
        assert_eq!(
            t.next_chain(1, ChainBy::ImageCall, Available),
            Ok(NextChain::Responses(Chain::ImageCall("ig_1".into())))
        );
        assert_eq!(
            t.next_chain(1, ChainBy::ResponseId, Missing),
            Ok(NextChain::ImagesEdit {
                image1: "history:1".into()
            })
        );
        // Only one id known: it is used whatever the setting.
        t.record(
            1,
            TurnResult {
                image_call_id: None,
                ..answered(1)
            },
        )
        .unwrap();
        assert_eq!(
            t.next_chain(1, ChainBy::ImageCall, Available),
            Ok(NextChain::Responses(Chain::PreviousResponse(
                "resp_1".into()
            )))
        );
        // A turn made through the Images API goes on there.
        let id = t
            .add_turn(
                Some(1),
                TurnDraft {
                    transport: Transport::Images,
                    ..draft("x")
                },
            )
            .unwrap();
        t.record(
            id,
            TurnResult {
                result: Some("history:9".into()),
                ..TurnResult::default()
            },
        )
        .unwrap();
        assert_eq!(
            t.next_chain(id, ChainBy::ResponseId, Available),
            Ok(NextChain::ImagesEdit {
                image1: "history:9".into()
            })
        );
    }

    #[test]
    fn the_fallback_rule() {
        use ResponsesSupport::*;
        assert_eq!(Unknown.after_answer(404, None), Missing);
        assert_eq!(Unknown.after_answer(405, None), Missing);
        assert_eq!(
            Unknown.after_answer(404, Some("model_not_found")),
            Available
        );
        assert_eq!(Unknown.after_answer(200, None), Available);
        assert_eq!(Unknown.after_answer(500, None), Unknown);
        assert_eq!(Unknown.after_answer(400, None), Unknown);
        assert_eq!(Missing.after_answer(500, None), Missing, "remembered");
        assert!(Unknown.falls_back(404, None));
        assert!(Available.falls_back(405, None));
        assert!(!Missing.falls_back(404, None), "already on the Images API");
        assert!(!Unknown.falls_back(400, Some("previous_response_not_found")));
        assert_eq!(Missing.transport(), Transport::Images);
        assert_eq!(Unknown.transport(), Transport::Responses);
    }

    #[test]
    fn storage_round_trip_and_checks() {
        let mut t = sample();
        t.record(2, answered(2)).unwrap();
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(Thread::from_json(&json), Ok(t.clone()));
        // Fields added later default.
        let old = r#"{"turns":[{"id":0,"prompt":"a"}],"next_id":1}"#;
        let read = Thread::from_json(old).unwrap();
        assert_eq!(read.turns[0].transport, Transport::Responses);
        for broken in [
            r#"{"turns":[{"id":0,"parent":0}],"next_id":1}"#,
            r#"{"turns":[{"id":1,"parent":0}],"next_id":2}"#,
            r#"{"turns":[{"id":0},{"id":0}],"next_id":1}"#,
            r#"{"turns":[{"id":5}],"next_id":1}"#,
            "not json",
        ] {
            assert_eq!(
                Thread::from_json(broken),
                Err(ThreadError::Broken),
                "{broken}"
            );
        }
    }

    #[test]
    fn the_share_form_has_prompts_only() {
        let mut t = sample();
        t.record(1, answered(1)).unwrap();
        let text = t.share(None).unwrap();
        assert!(text.starts_with(SHARE_TAG));
        assert!(!text.contains("resp_") && !text.contains("history"));
        let back = Thread::from_share(&format!("#{text}")).unwrap();
        assert_eq!(back.turns.len(), 4);
        assert_eq!(back.path_to(3).unwrap(), vec![0, 3]);
        assert_eq!(back.turns[2].prompt, "add snow");
        assert!(back.turns.iter().all(|t| t.result.is_none()));
        let path = Thread::from_share(&t.share(Some(2)).unwrap()).unwrap();
        let prompts: Vec<&str> = path.turns.iter().map(|t| t.prompt.as_str()).collect();
        assert_eq!(prompts, ["a fox", "make it red", "add snow"]);
        assert_eq!(path.path_to(2).unwrap(), vec![0, 1, 2]);

        let mut long = Thread::new();
        let mut parent = None;
        for i in 0..20 {
            parent = Some(
                long.add_turn(parent, draft(&format!("{i} {}", "x".repeat(400))))
                    .unwrap(),
            );
        }
        let err = long.share(None).unwrap_err();
        assert!(matches!(
            err,
            ThreadError::ShareTooLong {
                max: MAX_SHARE_CHARS,
                ..
            }
        ));
        assert!(err.message(Lang::En).contains("8000"), "{err}");
        assert_eq!(
            Thread::from_share("conv1.!!"),
            Err(ThreadError::ShareUnreadable)
        );
        assert_eq!(
            Thread::from_share("v1&prompt=x"),
            Err(ThreadError::ShareUnreadable)
        );
        let forward = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(r#"{"v":1,"t":[[1,"a"],[null,"b"]]}"#);
        assert_eq!(
            Thread::from_share(&format!("{SHARE_TAG}{forward}")),
            Err(ThreadError::Broken)
        );
    }

    /// A thread grown by `steps`: each step adds a turn after an earlier one (or a new root),
    /// answered or not.
    fn grow(steps: &[(u32, bool)]) -> Thread {
        let mut t = Thread::new();
        for (i, (pick, answer)) in steps.iter().enumerate() {
            let parent = (i > 0 && pick % 5 != 0).then(|| pick % i as u32);
            let id = t.add_turn(parent, draft(&format!("turn {i}"))).unwrap();
            if *answer {
                t.record(id, answered(id)).unwrap();
            }
        }
        t
    }

    proptest! {
        #[test]
        fn every_path_starts_at_a_root_and_steps_to_children(
            steps in proptest::collection::vec((any::<u32>(), any::<bool>()), 1..40)
        ) {
            let t = grow(&steps);
            prop_assert!(t.check().is_ok());
            for turn in &t.turns {
                let path = t.path_to(turn.id).unwrap();
                prop_assert_eq!(t.turn(path[0]).unwrap().parent, None);
                prop_assert_eq!(*path.last().unwrap(), turn.id);
                for pair in path.windows(2) {
                    prop_assert_eq!(t.turn(pair[1]).unwrap().parent, Some(pair[0]));
                }
            }
            // Every turn is on the path to some leaf.
            let leaves = t.leaves();
            for turn in &t.turns {
                prop_assert!(leaves.iter().any(|l| t.path_to(*l).unwrap().contains(&turn.id)));
            }
        }

        #[test]
        fn every_chain_points_at_the_parent(
            steps in proptest::collection::vec((any::<u32>(), any::<bool>()), 1..40),
            by_call in any::<bool>(),
            missing in any::<bool>(),
        ) {
            let t = grow(&steps);
            let by = if by_call { ChainBy::ImageCall } else { ChainBy::ResponseId };
            let support = if missing { ResponsesSupport::Missing } else { ResponsesSupport::Available };
            for child in t.turns.iter().filter(|c| c.parent.is_some()) {
                let parent = t.turn(child.parent.unwrap()).unwrap();
                match t.next_chain(parent.id, by, support).unwrap() {
                    NextChain::Responses(chain) => {
                        prop_assert!(!missing);
                        let own = [parent.response_id.as_deref(), parent.image_call_id.as_deref()];
                        prop_assert!(own.contains(&Some(chain.id())));
                        let wanted = if by_call { &parent.image_call_id } else { &parent.response_id };
                        prop_assert_eq!(Some(chain.id()), wanted.as_deref());
                    }
                    NextChain::ImagesEdit { image1 } => {
                        prop_assert!(missing);
                        prop_assert_eq!(Some(image1), parent.result.clone());
                    }
                    NextChain::Unanswered => prop_assert!(parent.result.is_none()),
                }
            }
        }

        #[test]
        fn storage_and_share_round_trip(
            steps in proptest::collection::vec((any::<u32>(), any::<bool>()), 1..30)
        ) {
            let t = grow(&steps);
            let json = serde_json::to_string(&t).unwrap();
            prop_assert_eq!(Thread::from_json(&json).unwrap(), t.clone());
            let back = Thread::from_share(&t.share(None).unwrap()).unwrap();
            prop_assert_eq!(back.turns.len(), t.turns.len());
            for (a, b) in t.turns.iter().zip(&back.turns) {
                prop_assert_eq!(&a.prompt, &b.prompt);
                prop_assert_eq!(a.parent, b.parent);
            }
        }
    }
}
