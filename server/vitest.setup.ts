// Decorator metadata for type-graphql and MikroORM, loaded before any entity (stack-notes.md).
import 'reflect-metadata';
