//! Conversational editing on the Responses API (issue 18), the pure part: the body of
//! `POST {base}/responses` with one `image_generation` tool, reading its answers (JSON and
//! SSE), and a conversation as a tree of turns with what each next turn chains to.
//!
//! Source: ../shared/gpt-image-2.md ("Responses API image tool"); field names and enums are
//! the spec's `CreateResponse`, `ImageGenTool` and `ResponseStreamEvent`
//! (../shared/spec/openai-openapi.json), checked by `tests/conversation_schema.rs`.

pub mod responses_answer;
pub mod responses_request;
pub mod thread;
