"""Shared test set-up."""

# Import hypothesis while the interpreter is fresh: CPython 3.11.7 can raise
# "SystemError: AST constructor recursion depth mismatch" when pytest's assertion rewriter
# compiles it late, in hypothesis' end-of-session summary hook, after other tests ran.
import hypothesis  # noqa: F401
