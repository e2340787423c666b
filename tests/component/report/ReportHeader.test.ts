import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import ReportHeader from '@/components/report/ReportHeader.vue';
import type { Centre, Round } from '@/domain/types';
import { setLocale } from '@/i18n';
import { smallInstrument } from '../../fixtures/instruments';
import { DEFAULT_INSTRUMENT_ID } from '@/instrument';
import { makeCentre, makeRound, participant } from '../../fixtures/records';

const centre = makeCentre({
  name: 'Familjecentralen Fittja',
  municipality: 'Botkyrka',
  district: 'Fittja',
  services: ['bmm', 'bvc', 'openPreschool'],
  otherServices: 'Biblioteket',
  coLocation: 'near',
});
const round = makeRound(centre.id, {
  title: 'Avstämning hösten 2026',
  date: '2026-10-15',
  period: 'HT 2026',
  instrumentVersion: '2.0.0',
  participants: [participant('Anna Berg', 'BVC'), participant('', 'Öppen förskola'), participant('Karim', ''), participant(' ', ' ')],
});

function mountHeader(c: Centre = centre, r: Round = round) {
  return mount(ReportHeader, { props: { centre: c, round: r, instrument: smallInstrument } });
}

function facts(header: ReturnType<typeof mountHeader>): Record<string, string> {
  return Object.fromEntries(
    header.findAll('dl > div').map((div) => {
      const items = div.findAll('dd li');
      const value = items.length ? items.map((li) => li.text()).join(' · ') : div.get('dd').text();
      return [div.get('dt').text(), value.replace(/\s+/g, ' ').trim()];
    }),
  );
}

afterEach(() => {
  setLocale('sv');
});

describe('ReportHeader', () => {
  it('has the title with the round, under the centre name', () => {
    const header = mountHeader();
    expect(header.get('h1').text()).toBe('Skriftlig avstämning: Avstämning hösten 2026');
    expect(header.get('.report-header__kicker').text()).toBe('Familjecentralen Fittja');
  });

  it('lists the centre, place, date, period, location, instrument, participants and services', () => {
    expect(facts(mountHeader())).toEqual({
      Familjecentral: 'Familjecentralen Fittja',
      'Kommun och område': 'Botkyrka, Fittja',
      Datum: '15 oktober 2026',
      Period: 'HT 2026',
      Placering: 'Nära varandra men inte i samma lokaler',
      Instrument: 'Litet instrument, version 2.0.0',
      Deltagare: 'Anna Berg (BVC) · Öppen förskola · Karim',
      Basverksamheter: 'Mödrahälsovård (BMM/MVC), Barnhälsovård (BVC), Öppen förskola',
      'Andra aktörer': 'Biblioteket',
    });
  });

  it('writes participants as "name (service)", one list item each, skipping empty rows', () => {
    const items = mountHeader().findAll('[data-testid="report-participants"] li');
    expect(items.map((li) => li.text())).toEqual(['Anna Berg (BVC)', 'Öppen förskola', 'Karim']);
  });

  it('says so when nothing is recorded, and leaves out an empty place, period and other actors', () => {
    const bare = makeCentre({ municipality: '', district: '', services: [], otherServices: '' });
    const header = mountHeader(bare, makeRound(bare.id, { period: '', participants: [] }));
    const shown = facts(header);
    expect(shown.Deltagare).toBe('Inga deltagare antecknade');
    expect(shown.Basverksamheter).toBe('Inga basverksamheter valda');
    expect(Object.keys(shown)).not.toContain('Kommun och område');
    expect(Object.keys(shown)).not.toContain('Period');
    expect(Object.keys(shown)).not.toContain('Andra aktörer');
  });

  it('renders text from users as text', () => {
    const header = mountHeader(makeCentre({ name: '<i>Kursiv</i>' }), makeRound('x', { title: '<script>x</script>' }));
    expect(header.get('h1').text()).toBe('Skriftlig avstämning: <script>x</script>');
    expect(header.find('i').exists()).toBe(false);
    expect(header.find('script').exists()).toBe(false);
  });

  it('is in English after switching the language', async () => {
    const header = mountHeader();
    setLocale('en');
    await header.vm.$nextTick();
    expect(header.get('h1').text()).toBe('Written check-in: Avstämning hösten 2026');
    const shown = facts(header);
    expect(shown.Date).toBe('15 October 2026');
    expect(shown.Location).toBe('Near each other but not in the same premises');
    expect(shown['Base services']).toBe('Maternity care (BMM/MVC), Child health care (BVC), Open preschool');
  });

  it('names the built-in instrument as our proposal from the five goals, never a national instrument', () => {
    const builtIn = { ...smallInstrument, id: DEFAULT_INSTRUMENT_ID };
    const header = mount(ReportHeader, { props: { centre, round, instrument: builtIn } });
    expect(facts(header).Instrument).toBe('Litet instrument, version 2.0.0 – vårt förslag utifrån de fem gemensamma inriktningsmålen (Stockholms stads socialförvaltning, 2016)');
    expect(header.text()).not.toMatch(/nationell/i);
  });
});
