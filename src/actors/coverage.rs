//! What the knowledge base covers, for `annals kb`.
