package se.stegvis.reporting.indicators.application;

/**
 * A report was to be submitted while the figures are not final (the read model rebuilding, behind or waiting): what
 * would be frozen might be short of events already recorded.
 */
public final class FiguresNotFinal extends RuntimeException {

    private final Currency currency;

    public FiguresNotFinal(Currency currency) {
        super("The figures are not final (" + currency.state() + "): submit once they are current");
        this.currency = currency;
    }

    public Currency currency() {
        return currency;
    }
}
