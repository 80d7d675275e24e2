// The text example: 40 short documents written for the project, ten on each of four subjects
// (cooking, football, astronomy, gardening), one per line, so the topics NMF finds are obvious.
import type { DataMatrix } from '../core/problem.js';
import { DEFAULT_TERM_OPTIONS, textToTermMatrix } from './terms.js';

/** The rank that separates the four subjects. */
export const TOPICS_RANK = 4;

/** One document per line: cooking, football, astronomy and gardening, interleaved. */
export const TOPICS_TEXT = `Chop the onion and the garlic, then soften them in a pan with olive oil before the sauce goes in.
The striker ran past two defenders and scored the winning goal in the last minute of the match.
Through the telescope the planet Jupiter showed four bright moons lined up beside it.
Dig compost into the soil in autumn so the vegetable beds are rich when you sow seeds in spring.
Knead the dough for ten minutes, let it rise, then bake the bread in a hot oven until golden.
The referee gave a penalty after the defender pulled the striker down inside the box.
Astronomers measure how a star wobbles to find a planet hidden in its orbit.
Water the tomato seedlings at the roots each morning and pull the weeds that crowd the bed.
Melt the butter in a pan, stir in the flour, and whisk in milk slowly for a smooth sauce.
The keeper saved the penalty, and the fans in the stadium sang until the final whistle.
A comet loops around the sun on a long orbit, and its tail always points away from it.
Prune the roses in late winter, just above an outward bud, and spread mulch over the soil.
Season the soup with salt and pepper, simmer it gently, and stir now and then so nothing sticks.
The coach changed the team at half time and sent on a fast winger to stretch the defence.
The galaxy holds billions of stars, and its spiral arms glow where new stars are born.
Sow the beans in the bed once the soil is warm, and give each seedling a cane to climb.
Roast the chicken in the oven with garlic and lemon, and rest the meat before carving.
Our team won the league after thirty hard matches and a last goal against the champions.
During a total eclipse the moon covers the sun and the stars appear in the daytime sky.
Turn the compost heap every few weeks so the leaves and peelings rot down into dark soil.
Whisk the eggs with sugar, fold in the flour, and bake the cake in a moderate oven.
The midfielder played a long pass to the striker, who volleyed the ball past the keeper.
A telescope on a dark hill shows the craters of the moon and the rings of Saturn.
Plant the potatoes in rows, earth them up as they grow, and water the bed in dry weeks.
Fry the garlic gently in oil, add basil and a splash of wine, and simmer the sauce for an hour.
The defender cleared the ball off the line, and the match ended without a goal.
Light from the nearest star takes over four years to reach us, though it looks close in the sky.
Cut back the dead stems, divide the roots of tired plants, and feed the roses with compost.
Slice the onion thinly and cook it in butter over a low heat until it turns sweet and soft.
Thousands of fans filled the stadium to watch their team play the cup final.
Mars is a cold red planet, and its thin air lets astronomers see dust storms from Earth.
Sow lettuce seeds thinly in the bed, cover them with fine soil, and water them every evening.
Rub salt into the pork skin, roast it in a hot oven, and make a sauce from the pan juices.
The referee sent off a defender, and the team held on with ten players until the whistle.
The planet Venus shines brightly after sunset, and a telescope shows its changing phases.
Spread mulch around the plants to keep the weeds down and the water in the soil.
Simmer the rice in stock, stir in butter and cheese, and season it just before serving.
The striker headed a goal from the corner, and the coach ran along the touchline to celebrate.
A meteor shower comes when Earth passes through the dust a comet left behind in its orbit.
Pick the ripe tomatoes from the plants, and save seeds from the best ones for next spring.
`;

/** V (terms × 40 documents) of TOPICS_TEXT with the default term options (tf-idf, terms in ≥ 2 documents). */
export function topicsExample(): DataMatrix {
  return textToTermMatrix(TOPICS_TEXT, 'line', DEFAULT_TERM_OPTIONS, 'topics example').data;
}
