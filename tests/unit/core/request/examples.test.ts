import { describe, expect, it } from 'vitest';
import { MODELS } from '../../../emulator/catalog';
import { findModel, readModels } from '../../../../src/core/models/catalog';
import { EXAMPLES, exampleText } from '../../../../src/core/request/examples';
import { parseRequest } from '../../../../src/core/request/parse';
import { checkRequest } from '../../../../src/core/request/support';

const models = readModels(MODELS);

describe('examples', () => {
	it('cover the features the menu promises', () => {
		expect(EXAMPLES.map((e) => e.label)).toEqual([
			'Tools',
			'Structured output',
			'Reasoning',
			'Vision',
			'Web search',
			'Provider routing',
		]);
	});

	it.each(EXAMPLES.map((e) => [e.label, e.id] as const))(
		'%s parses and passes every check for its model',
		(_, id) => {
			const parsed = parseRequest(exampleText(id));
			expect(parsed.ok).toBe(true);
			if (!parsed.ok) return;
			const model = findModel(models, String(parsed.value.model));
			expect(model, 'the model is in the catalog').toBeDefined();
			expect(checkRequest(parsed.value, model)).toEqual([]);
		},
	);
});
