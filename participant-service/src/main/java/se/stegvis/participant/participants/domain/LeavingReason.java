package se.stegvis.participant.participants.domain;

/** Why a participant left. */
public enum LeavingReason { COMPLETED, DROPPED_OUT, REFERRED_ELSEWHERE, OTHER }
