package se.stegvis.reporting.indicators.adapter.in.web;

import se.stegvis.reporting.indicators.application.Currency;

/**
 * How current a view's figures are, the {@code currency} of every view: {@code state} CURRENT, BEHIND, REBUILDING or
 * WAITING; {@code behindBy} records not yet applied (BEHIND, WAITING; else null, and null while unknown);
 * {@code replayed} of {@code toReplay} records while a rebuild is under way (else null; {@code toReplay} null until the
 * replay has begun). Only CURRENT figures are final.
 */
record CurrencyResponse(String state, Long behindBy, Long replayed, Long toReplay) {

    static CurrencyResponse of(Currency currency) {
        return new CurrencyResponse(currency.state().name(), currency.behindBy(), currency.replayed(), currency.toReplay());
    }
}
