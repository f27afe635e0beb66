#pragma once

#include "result.h"

#include <QStringList>

namespace Nimbus {

struct Node;

// Where a user pool's app client may send users back after the hosted sign-in (the OAuth
// code flow): the pool node's callbackUrls property, separated by commas or spaces, each
// https:// or, for testing, http://localhost (what Cognito accepts), at most 100 of at
// most 1,024 characters. An empty property gives kDefaultCallbackUrl. Why one is refused.
inline constexpr const char *kDefaultCallbackUrl = "http://localhost:3000/callback";
Result<QStringList> userPoolCallbackUrls(const Node &pool);

} // namespace Nimbus
