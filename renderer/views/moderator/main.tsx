import '../../styles/global';
import './moderator.css';
import { boot } from '../../app/boot';
import { ModeratorView } from './ModeratorView';

boot('moderator', <ModeratorView />);
