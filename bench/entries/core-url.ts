// What a browser app ships to build one typical delivery URL with Kumo.
import { kumoTypicalUrl } from '../url-chains/kumo.js';

console.log(kumoTypicalUrl());
