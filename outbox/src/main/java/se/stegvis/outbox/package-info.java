package se.stegvis.outbox;
