"""Hiding information: a problem, mistake or bad news kept from the people who needed it."""

from __future__ import annotations

from bot.analysis.antipatterns.base import Context, Hit, hits, present, total
from bot.analysis.antipatterns.concepts import TELLING
from bot.analysis.cues import near, phrases

_AUDIENCE = (
    r"(?:my |the |our |her |his |their |any )?(?:manager|lead|boss|director|team|client|"
    r"customer|customers|ceo|cfo|cto|partners?|charge nurse|regional|board|anyone|anybody|"
    r"everyone|patients?|parents?|supervisor|controller|vp|head|investors?|users?|auditors?|"
    r"security|compliance|colleagues?|family|buyer|owner|account|stakeholders?|engagement "
    r"manager|retro|postmortem|report|incident (?:reporting )?system)"
)
_CONCEALED = phrases(
    r"i (?:didn't|did not|never|chose not to|decided not to|won't|wouldn't) (?:\w+ )?"
    r"(?:mention|tell|flag|raise|report|disclose|share|put|go into|say anything|inform|"
    r"escalate|bring (?:it|this|that) up|let (?:\w+ )?know|log|record|document)"
    r"(?:\w| |-|'){0,40}?" + _AUDIENCE,
    r"(?:we|i) (?:decided|agreed|chose) not to (?:tell|mention|inform|disclose|share|flag)",
    near(r"(?:^|, |; |and |so |then )(?:i|we)", r"(?:without|before) (?:\w+ )?(?:telling|"
         r"mentioning|informing|letting (?:\w+ )?know|anyone knowing|anyone noticing)", 12),
    r"(?:kept|keep|keeping) (?:it|this|that|the \w+|quiet|things) (?:quiet|to myself|"
    r"between us|off the (?:record|books|radar|report)|out of (?:the|my) (?:\w+ )?(?:report|"
    r"notes|update)|under wraps|low-key)",
    r"quietly (?:\w+ ){0,2}(?:fixed|patched|applied|corrected|changed|reloaded|moved|"
    r"credited|refunded|reverted|adjusted|rewrote)",
    r"hold off on (?:telling|mentioning|informing|raising)", r"(?:held|hold|holding) back "
    r"(?:the |this |that )?(?:news|information|details?|numbers)",
    r"(?:listed|reported|presented|described|framed|labelled|labeled|showed|marked) "
    r"(?:them|it|this|that|the \w+|shrink|\w+) as (?:\w+ ){0,6}?(?:rather than|instead of|"
    r"around \d|a routine|routine|'|\")",
    r"(?:booked|recorded|coded|classified|put) (?:some of )?(?:the )?(?:\w+ ){0,2}as "
    r"(?:'|\")?(?:damaged|expired|other|misc|routine)",
    r"(?:adjusted|changed|edited|amended|tweaked) the (?:documentation|records?|notes|chart|"
    r"numbers|report|log|timestamps?) so",
    r"(?:explained|presented|passed) it (?:off )?as (?:a )?(?:routine|normal|regular|minor)",
    r"(?:told|explained to|informed) (?:her|him|them|the (?:\w+ )?(?:client|customer|buyer))"
    r" (?:that )?(?:the (?:delay|problem|issue) was|it was) (?:down|due) to",
    r"(?:some|a bit of|a little|minor) (?:\w+ )?weirdness",
    r"(?:found|find|finds|would find) out (?:\w+ ){0,3}(?:later|after|when|a week|weeks|from "
    r"(?:someone|a customer|the news))",
    r"(?:so|and) (?:it|nobody|no one|they|he|she) (?:wouldn't|would not|never) (?:notice|see|"
    r"know|find out)",
r"(?:wasn't|not) (?:worth|going to be) worr(?:y|ying) (?:the|him|"
    r"her|them)", r"didn't think it was worth (?:worrying|telling|mentioning|bothering)",
    r"(?:nobody|no one) had noticed,? so i (?:didn't|did not)", r"nobody ever asked",
    r"i didn't go into", r"only (?:told|mentioned) (?:\w+ ){0,3}(?:part|half|some)",
    r"(?:didn't|did not|never) loop (?:in|\w+ in)", r"(?:keep|kept|keeping) (?:the \w+|it|this|"
    r"that|quiet|things|news) to (?:ourselves|myself|us)",
    r"(?:never|didn't|did not) (?:\w+ )?brought (?:it|this|that) up", r"never brought (?:it|"
    r"this|that) up", r"(?:so|and) (?:you|nobody|no one|they) couldn't see",
    r"(?:didn't|did not|never) (?:log|record|report|document|write up) (?:it|the|that|this|"
    r"them)", r"told (?:them|him|her) i (?:hadn't|didn't|had not|"
    r"did not) (?:heard|know)",
    r"(?:broke|break|broken) the news (?:\w+ ){0,4}(?:after|afterwards|once|when|later)",
    r"until (?:the )?(?:renewal|contract|deal|paperwork|term sheet|review|it was signed)(?:\w| )"
    r"{0,30}(?:signed|closed|done|over|came back)",
    r"(?:i|we) (?:\w+ )?(?:hid|hide|concealed|covered (?:it )?up|swept (?:it )?under|"
    r"downplayed|played (?:it )?down|fudged|massaged the (?:numbers|data))",
    r"(?:said|told (?:them|him|her|the \w+)) (?:it was|that it was|everything was) (?:fine|ok|"
    r"okay|on track|routine|nothing|under control)",
    r"(?:didn't|did not) (?:mention|say|tell) (?:\w+ ){0,6}(?:that|about) i(?:'d| had)",
    r"(?:the )?(?:roadmap|deck|report|update) with (?:the \w+|it) still on it",
    r"re-?saved (?:the )?\w+ with the corrected",
    near(r"(?:i|we) (?:\S+ ){0,2}(?:didn't|did not|never|chose not to|decided not to|"
         r"wouldn't|won't|avoided|held off(?: on)?|stopped short of)", TELLING, 2),
    r"(?:so|and) it (?:just )?looked like",
    near(r"(?:rolled|folded|buried|slipped|hid|tucked|absorbed|blended)",
         r"(?:in|into|within) (?:the |my |our )?(?:\S+ ){0,3}(?:updates?|reforecast|numbers|"
         r"report|commentary|notes|figures|totals)", 5),
    near(r"(?:put|logged|recorded|booked|coded|framed|described|presented|labelled|labeled|"
         r"wrote (?:it )?up)", r"as (?:a |an )?(?:system glitch|glitch|routine|market|normal|"
         r"damaged|other|misc\w*|one-off|technical|network|weather|courier|supplier|customs)",
         5),
    r"let (?:\S+ ){0,3}(?:believe|think|assume)",
    r"(?:and|but|,) (?:\S+ )?(?:didn't|did not|never) (?:\S+ )?" + TELLING
    + r" (?:\S+ ){0,3}(?:to )?(?:my|the|our|her|his|their|anyone|anybody|it|this|that)",
    r"(?:kept|keep) (?:\S+ ){0,3}(?:quiet|to (?:myself|ourselves)|under wraps|off the)",
    near(r"(?:told|informed|emailed|let)", r"(?:about|of) (?:the )?(?:\S+ ){0,3}(?:in (?:july|"
         r"august|september|october|november|december|january|february|march|april|may|june)|"
         r"afterwards|later|once (?:the|they|it)|after (?:the|they|it))", 8),
    r"(?:they|we|he|she) (?:were|was) (?:under contract|signed) by then",
    r"by then (?:the|they|it) (?:\S+ ){0,3}(?:signed|closed|renewed|committed)",
    r"doesn't say (?:which|that|what|why)", r"(?:i|we) said (?:the team|we|they) (?:was|were) "
    r"working on it", r"the honest reason was", r"(?:which|that) (?:does|did) happen",
    r"(?:pointed|steered|sent) (?:him|her|them) (?:to|towards) (?:the|their) (?:\w+ )?(?:line|"
    r"vendor|supplier|carrier|courier|bank)",
)
_DISCLOSED = phrases(
    r"i (?:told|messaged|emailed|informed|flagged|raised|reported|escalated|called|phoned|"
    r"explained|wrote to)(?:\w| |,){0,30}(?:manager|director|lead|team|client|customer|ceo|"
    r"boss|supervisor|partners|everyone|security|users)(?:\w| |,){0,30}(?:straight away|right "
    r"away|immediately|first|before|that day|the same day|the next morning|within)",
    r"before touching anything", r"i was transparent", r"(?:owned|took) (?:it|responsibility)"
    r" (?:openly|publicly)", r"i (?:said|told them) so directly",
)


_UNTIL_SURE = phrases(r"until (?:i|we) (?:was|were|had|could) (?:\w+ )?(?:sure|confirm\w*|"
                      r"verif\w*|check\w*|certain)")


def hiding_information(context: Context) -> list[Hit]:
    concealed = [h for h in hits(context, _CONCEALED, 0.8) if not _UNTIL_SURE.search(h.sentence.low)]
    if len(concealed) == 1 and concealed[0].cue in ("the honest reason was", "which does happen",
                                                     "that does happen", "which did happen"):
        return []
    if not concealed:
        return []
    if present(_DISCLOSED, context.story):
        return []
    # One clear act of concealment is enough; a second cue only adds evidence.
    return concealed if total(concealed) >= 0.8 else []
