import { Unit } from '../modules/unit/unit.entity.js';
import { User } from '../modules/user/user.entity.js';
import { LoginThrottle } from '../modules/auth/login-throttle.entity.js';

/** Every entity, listed once: discovery by folder scanning breaks between src/ and dist/. */
export const ENTITIES = [Unit, User, LoginThrottle];
