// Decorator metadata for type-graphql and MikroORM, loaded before any entity (docs/architecture.md, stack notes).
import 'reflect-metadata';
