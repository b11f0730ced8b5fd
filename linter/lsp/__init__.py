"""`factlint lsp`: a Language Server Protocol server over stdio, for editors.

It needs the optional `lsp` extra (pygls, lsprotocol); nothing else in factlint imports this package,
so `factlint check` never pays for it. session.py lints as `factlint check` does, features.py turns
findings into diagnostics, hovers and code actions, server.py speaks the protocol.
"""
