#pragma once
// How deeply arrays and objects may nest in a JSON document Orgdesk reads: parse_json refuses a
// deeper one. Orgdesk's own documents nest a few levels; code that walks a document (writing,
// copying or comparing it) recurses once per level, so a body of a million '[' would otherwise
// overflow a server thread's stack.

namespace orgdesk::core {

inline constexpr int kMaxJsonDepth = 64;

}  // namespace orgdesk::core
