#pragma once
// The requests one frame's events asked for, which leave together once the frame is drawn.
#include <vector>

#include "app/effects.hpp"

namespace orgdesk::app {

// `batch` without each GET that a later one in it repeats (the same purpose, path and token).
// The update keeps one request of a kind pending and takes the answer to the latest only, so the
// earlier one's answer would be thrown away. After an Approve, for one, its answer and the change
// feed's both reload the list in the same frame, and one request does.
std::vector<HttpRequest> without_repeated_reads(std::vector<HttpRequest> batch);

}  // namespace orgdesk::app
