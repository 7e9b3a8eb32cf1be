package dev.tk86.tools.trace;

/** How trace events are written: a line of text each, or a JSON object per line. */
public enum TraceFormat { TEXT, JSONL }
