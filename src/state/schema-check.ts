import type { CheckOutcome, CheckSchema } from '../core/schema/check';
import { validate } from '../core/schema/validate';
import { getAppState } from './context';

/** On this thread: for component tests that mount parts without the app's worker. */
const checkHere: CheckSchema = (schema, value, options) =>
	Promise.resolve<CheckOutcome>({ state: 'checked', issues: validate(value, schema, options) });

/** The app's schema check (a worker with a time limit), for components. */
export const useSchemaCheck = (): CheckSchema => {
	try {
		return getAppState().checkSchema ?? checkHere;
	} catch {
		return checkHere;
	}
};
