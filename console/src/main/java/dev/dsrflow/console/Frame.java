package dev.dsrflow.console;

/** What every page's layout needs: its title, which menu entry is current, the person, a one-shot message. */
public record Frame(String title, String active, Person person, ConsoleSession.Flash flash) {}
