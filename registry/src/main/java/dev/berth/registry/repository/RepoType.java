package dev.berth.registry.repository;

/** Who may pull: anyone ({@code PUBLIC}) or those the policies allow ({@code PRIVATE}). */
public enum RepoType {
    PUBLIC,
    PRIVATE
}
